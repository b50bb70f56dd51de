# METADATA
# title: HAProxy backend or frontend does not match the services
# description: |
#   In an HA control plane clients reach a virtual IP where haproxy binds
#   one frontend per API port, and haproxy forwards to each controller's
#   own listener. Two mismatches break this silently. A `server` line whose
#   port is not the port the service listens on there (glance bind_port,
#   neutron bind_port, nova's osapi_compute_listen_port and
#   metadata_listen_port, [vnc] novncproxy_port, the keystone and placement
#   vhosts) marks that backend down or sends the traffic elsewhere. And a
#   service URL that reaches the VIP on a port where no haproxy frontend
#   binds is refused, although every service runs. Servers are checked
#   where the target node's config is in the snapshot; VIPs are the bind
#   addresses that belong to no node.
# custom:
#   id: SL-EP-013
#   scope: aggregate
#   severity: error
#   inputs: [haproxy]
#   remediation: |
#     Make the server line use the port the service listens on, and give
#     every port that service URLs use on the VIP a haproxy frontend (or
#     point the URL at a port haproxy binds).
package stacklint.rules.endpoints.haproxy_backends

import data.stacklint.lib
import data.stacklint.lib.host

# aggregate: each node's haproxy servers with the ports their section
# fronts ({"server": {node, block, ip, port, fronted, loc}}), the ports
# its API services listen on for each fronted port ({"listener": {node,
# fronted, service, ports, where}}), its haproxy binds on addresses no
# node owns ({"vip_bind": {ip, port, path, line}}) and its clients'
# references to such addresses ({"client": host.references' record});
# the reports pair servers with listeners and VIP clients with binds.
aggregate contains {"server": s} if {
	some [f, d] in host.directives("haproxy")
	d.name == "server"
	count(d.args) > 1
	[ip, port] := _split(d.args[1])
	s := {"node": f.node, "block": d.block, "ip": ip, "port": port, "fronted": _fronted(f, d.block), "loc": host.dloc(f, d)}
}

aggregate contains {"listener": l} if {
	some name, node in input.nodes
	some p in object.keys(_services) | object.keys(_vhosts)
	_serves(node, p)
	[service, ports, where] := _listeners(node, p)
	l := {"node": name, "fronted": p, "service": service, "ports": ports, "where": where}
}

aggregate contains {"vip_bind": {"ip": ip, "port": port, "path": f.path, "line": d.line}} if {
	some [f, d, ip, port] in _binds
	not host.wildcard(ip)
	not input.owners[ip]
}

aggregate contains {"client": c} if {
	some c in host.references
	not host.wildcard(c.addr)
	not input.owners[c.addr]
}

# _serves: the node runs the service fronted on port p.
_serves(node, p) if lib.runs(node, _services[p][0])

_serves(node, p) if lib.runs(node, _vhosts[p][0])

# The fleet's view, from the records.
_listener[[name, p]] := l if {
	some r in aggregate
	l := r.listener
	name := l.node
	p := l.fronted
}

_vip_binds := {r.vip_bind | some r in aggregate; r.vip_bind}

_clients := {r.client | some r in aggregate; r.client}

# _services: the API port a haproxy section fronts → [service, its file
# kind, listener section, key, default].
_services := {
	9292: ["glance-api", "glance-api.conf", "DEFAULT", "bind_port", 9292],
	9696: ["neutron-server", "neutron.conf", "DEFAULT", "bind_port", 9696],
	8774: ["nova-api", "nova.conf", "DEFAULT", "osapi_compute_listen_port", 8774],
	8775: ["nova-api", "nova.conf", "DEFAULT", "metadata_listen_port", 8775],
	6080: ["nova-api", "nova.conf", "vnc", "novncproxy_port", 6080],
}

# _vhosts: ports of services httpd serves → [service, WSGI mark].
_vhosts := {5000: ["keystone", "keystone"], 8778: ["placement-api", "placement"]}

# _split: "10.0.0.10:5000" → [address, port]; "[::1]:5000" and ":::5000" too.
_split(a) := [trim(concat(":", array.slice(p, 0, count(p) - 1)), "[]"), to_number(p[count(p) - 1])] if {
	p := split(a, ":")
	count(p) > 1
	regex.match(`^[0-9]+$`, p[count(p) - 1])
}

# _binds: [file, directive, address, port] of every haproxy bind.
_binds contains [f, d, ip, port] if {
	some [f, d] in host.directives("haproxy")
	d.name == "bind"
	count(d.args) > 0
	some a in split(d.args[0], ",")
	[ip, port] := _split(a)
}

# _fronted: the ports a section serves: its own bind ports, and the bind
# ports of frontends whose default_backend or use_backend names it.
_fronted(f, block) := {port |
	some [bf, d, _, port] in _binds
	bf.path == f.path
	d.block == block
} | {port |
	some u in f.directives
	u.name in {"default_backend", "use_backend"}
	concat(" ", ["backend", u.args[0]]) == block
	some [bf, d, _, port] in _binds
	bf.path == f.path
	d.block == u.block
}

_listen(node, [service, kind, sec, key, dflt]) := [tf, to_number(lib.last(tf, sec, key).value), lib.where(tf, sec, key)] if {
	tf := lib.service_file(node, service, kind)
	lib.has(tf, sec, key)
} else := [tf, dflt, sprintf("%s default", [kind])] if {
	tf := lib.service_file(node, service, kind)
}

# _listeners: the ports the service fronted on port p listens on at node,
# with a description of where that is set.
_listeners(node, p) := [_services[p][0], {q}, where] if {
	[_, q, where] := _listen(node, _services[p])
} else := [service, ports, sprintf("its vhost in %s", [vf.path])] if {
	[service, mark] := _vhosts[p]
	lib.runs(node, service)
	served := host.wsgi_served(node, mark)
	count(served) > 0
	not host.wsgi_anywhere(node, mark)
	ports := {q | some [_, _, q] in served}
	[vf, _, _] := served[0]
}

report contains finding if {
	some r in aggregate
	s := r.server
	target := input.owners[s.ip]
	some fronted in s.fronted
	l := _listener[[target, fronted]]
	not s.port in l.ports
	finding := {
		"message": sprintf("haproxy on %s (%s) forwards %s to %s:%d, but %s on %s listens on %s (%s): the backend is down", [s.node, s.block, l.service, s.ip, s.port, l.service, target, _ports(l.ports), l.where]),
		"locations": [s.loc],
	}
}

# VIP frontends: bind addresses no node owns, with their bound ports.
_vip_ports[ip] := ports if {
	some ip in {b.ip | some b in _vip_binds}
	ports := {b.port | some b in _vip_binds; b.ip == ip}
}

report contains finding if {
	some vip, ports in _vip_ports
	some port in {c.port | some c in _clients; c.addr == vip}
	not port in ports
	cs := [c | some c in _clients; c.addr == vip; c.port == port]
	[bpath, bline] := sort([[b.path, b.line] | some b in _vip_binds; b.ip == vip])[0]
	finding := {
		"message": sprintf("%s reach the VIP %s on port %d, but haproxy binds %s only on %s (%s:%d): the connection is refused", [host.listed(cs), vip, port, vip, _ports(ports), bpath, bline]),
		"locations": [c.loc | some c in host.sort_by_where(cs)],
	}
}

_ports(ps) := concat(", ", [sprintf("%d", [p]) | some p in sort(ps)])
