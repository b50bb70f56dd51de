# METADATA
# title: Service listens on loopback while other nodes connect to it
# description: |
#   An API bound to 127.0.0.1 (glance bind_host, nova osapi_compute_listen
#   or metadata_listen, neutron bind_host, an httpd "Listen
#   127.0.0.1:5000", RabbitMQ's NODE_IP_ADDRESS) answers only on its own
#   node. Clients on other nodes whose URLs reach that node get "connection
#   refused", though the service runs and answers local tests.
# custom:
#   id: SL-EP-008
#   scope: aggregate
#   severity: error
#   inputs: [config, httpd, rabbitmq]
#   remediation: |
#     Bind the service to the node's management address or 0.0.0.0 (the
#     default), and restart it.
package stacklint.rules.endpoints.loopback_listener

import data.stacklint.lib
import data.stacklint.lib.host

# _ini: [kind, section, key, default port] of listener options.
_ini := [
	["glance-api.conf", "DEFAULT", "bind_host", 9292], ["neutron.conf", "DEFAULT", "bind_host", 9696],
	["nova.conf", "DEFAULT", "osapi_compute_listen", 8774], ["nova.conf", "DEFAULT", "metadata_listen", 8775],
]

_ports := {"bind_host": "bind_port", "osapi_compute_listen": "osapi_compute_listen_port", "metadata_listen": "metadata_listen_port"}

# aggregate: each node's loopback-only listeners ({"listener": {node,
# port, where, loc, addr}}) and the references its clients make to other
# nodes ({"client": host.references' {where, loc, addr, reaches, port,
# from}}); the report pairs each listener with remote clients.
aggregate contains {"listener": l} if some l in _listeners

aggregate contains {"client": c} if {
	some c in host.references
	c.from != c.reaches
}

# _listeners: {node, port, where, loc, addr} of loopback-only listeners.
_listeners contains l if {
	some [kind, section, key, dflt] in _ini
	some [name, f] in lib.files(kind)
	occ := lib.last(f, section, key)
	startswith(object.get(occ, "ip", ""), "127.")
	l := {"node": name, "port": _port(f, section, _ports[key], dflt), "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ), "addr": occ.ip}
}

_listeners contains l if {
	some [f, d] in host.directives("httpd")
	d.name == "Listen"
	parts := split(d.args[0], ":")
	count(parts) == 2
	startswith(parts[0], "127.")
	l := {"node": f.node, "port": to_number(parts[1]), "where": sprintf("%s Listen %s", [f.path, d.args[0]]), "loc": host.dloc(f, d), "addr": parts[0]}
}

_listeners contains l if {
	some [f, d] in host.directives("rabbitmq")
	d.name == "NODE_IP_ADDRESS"
	startswith(d.args[0], "127.")
	l := {"node": f.node, "port": 5672, "where": sprintf("%s NODE_IP_ADDRESS=%s", [f.path, d.args[0]]), "loc": host.dloc(f, d), "addr": d.args[0]}
}

_port(f, section, key, dflt) := to_number(lib.last(f, section, key).value) if lib.has(f, section, key)

else := dflt

report contains finding if {
	some x in aggregate
	l := x.listener
	remote := [c | some r in aggregate; c := r.client; c.port == l.port; c.reaches == l.node; c.from != l.node]
	count(remote) > 0
	finding := {
		"message": sprintf("%s listens on %s only, but %s reach %s on port %d: they get connection refused", [l.where, l.addr, host.listed(remote), l.node, l.port]),
		"locations": array.concat([l.loc], [c.loc | some c in host.sort_by_where(remote)]),
	}
}
