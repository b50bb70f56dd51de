# METADATA
# title: URL port is not the port the target service listens on
# description: |
#   Clients name a port in their URLs; the service on the target node
#   listens on the port its own config sets: glance-api bind_port (9292),
#   neutron-server bind_port (9696), nova's metadata_listen_port (8775) and
#   [vnc] novncproxy_port (6080); Keystone and placement behind httpd
#   listen on the port of the <VirtualHost> that holds their WSGI
#   application (5000, 8778). A URL whose port differs (a typo, or a
#   port changed on one side) reaches nothing: image downloads, port
#   operations, metadata or consoles fail with "connection refused".
#   Checked when the target node's own config is in the snapshot.
# custom:
#   id: SL-EP-003
#   severity: error
#   inputs: [config, httpd]
#   remediation: |
#     Use the port the service listens on in the URL, or change the
#     listener back to the port its clients use.
package stacklint.rules.endpoints.listener_port

import data.stacklint.lib
import data.stacklint.lib.host

# _refs: [client kind, section, key, target service, target kind,
# listener section, listener key, default port].
_refs := [
	["nova.conf", "glance", "api_servers", "glance-api", "glance-api.conf", "DEFAULT", "bind_port", 9292],
	["nova.conf", "neutron", "url", "neutron-server", "neutron.conf", "DEFAULT", "bind_port", 9696],
	["nova.conf", "vnc", "novncproxy_base_url", "nova-api", "nova.conf", "vnc", "novncproxy_port", 6080],
]

_port(f, section, key, dflt) := to_number(lib.last(f, section, key).value) if lib.has(f, section, key)

else := dflt

_target_file(node, kind) := f if {
	some f in node.files
	f.kind == kind
	not f.error
}

report contains finding if {
	some [ckind, csec, ckey, service, tkind, lsec, lkey, dflt] in _refs
	some [f, sec, key, occ] in lib.keyed([ckey])
	sec == csec
	f.kind in {ckind, "nova-compute.conf"}
	some h in occ.url.hosts
	target := lib.ident(h)
	node := input.nodes[target]
	lib.runs(node, service)
	tf := _target_file(node, tkind)
	listen := _port(tf, lsec, lkey, dflt)
	h.port != listen
	finding := {
		"message": sprintf("%s reaches %s on port %d, but %s there listens on %d (%s): the connection is refused", [lib.where(f, csec, ckey), target, h.port, service, listen, lib.where(tf, lsec, lkey)]),
		"locations": [lib.loc(f, csec, ckey, occ)],
	}
}

report contains finding if {
	some [f, "DEFAULT", key, occ] in lib.keyed(["nova_metadata_host", "nova_metadata_ip"])
	f.kind == "metadata_agent.ini"
	some h in occ.host_refs
	target := lib.ident(h)
	node := input.nodes[target]
	tf := _target_file(node, "nova.conf")
	lib.runs(node, "nova-api")
	port := _port(f, "DEFAULT", "nova_metadata_port", 8775)
	listen := _port(tf, "DEFAULT", "metadata_listen_port", 8775)
	port != listen
	finding := {
		"message": sprintf("%s and nova_metadata_port reach %s on port %d, but nova's metadata API there listens on %d (%s): instances get no metadata", [lib.where(f, "DEFAULT", key), target, port, listen, lib.where(tf, "DEFAULT", "metadata_listen_port")]),
		"locations": [lib.loc(f, "DEFAULT", key, occ)],
	}
}

# _wsgi: services httpd serves through mod_wsgi: [service, the mark their
# WSGI directives carry, client keys, the section the key must be in or "*"].
_wsgi := [
	["keystone", "keystone", ["auth_url", "www_authenticate_uri", "auth_uri", "identity_uri"], "*"],
	["placement-api", "placement", ["endpoint_override"], "placement"],
]

# _wsgi_clients are the references to a WSGI service's node, except those
# whose URL path httpd maps to it outside any vhost (on every port).
_wsgi_clients(service, mark, keys, sec) := {[target, h.port, [f, s, k, occ]] |
	some [f, s, k, occ] in lib.keyed(keys)
	_section_ok(s, sec)
	some h in occ.url.hosts
	target := lib.ident(h)
	node := input.nodes[target]
	lib.runs(node, service)
	not _top_level(node, mark, object.get(occ.url, "path", ""), h.port)
}

# _top_level: httpd maps the URL's path to the application outside any
# vhost, and listens on its port (or the snapshot shows no Listen).
_top_level(node, mark, path, port) if {
	some p in host.wsgi_paths(node, mark)
	host.under(path, p)
	_listens(node, port)
}

_listens(node, port) if port in host.httpd_ports(node)

_listens(node, _) if count(host.httpd_ports(node)) == 0

# _drift_minority: other references reach the application on a port it is
# served on, so these few are a typo SL-EP-001 reports as drift (it counts
# the old admin port 35357 as 5000, so those are reported here).
_drift_minority(clients, target, port, ports) if {
	port != 35357
	some c in clients
	c[0] == target
	c[1] in ports
}

_section_ok(_, "*")

_section_ok(s, s) if s != "*"

report contains finding if {
	some [service, mark, keys, sec] in _wsgi
	clients := _wsgi_clients(service, mark, keys, sec)
	some [target, port] in {[t, p] | some [t, p, _] in clients}
	node := input.nodes[target]
	served := host.wsgi_served(node, mark)
	count(served) > 0
	ports := {p | some [_, _, p] in served}
	not port in ports
	not _drift_minority(clients, target, port, ports)
	[vf, vd, _] := served[0]
	refs := [{"where": lib.where(f, s, k), "loc": lib.loc(f, s, k, occ)} |
		some c in clients
		c[0] == target
		c[1] == port
		[f, s, k, occ] := c[2]
	]
	finding := {
		"message": sprintf("%s on %s is served by httpd on port %s (%s:%d), but %s reach it on port %d: the connection is refused", [service, target, concat(", ", [sprintf("%d", [p]) | some p in sort(ports)]), vf.path, vd.line, host.listed(refs), port]),
		"locations": array.concat([host.dloc(vf, vd)], [r.loc | some r in host.sort_by_where(refs)]),
	}
}
