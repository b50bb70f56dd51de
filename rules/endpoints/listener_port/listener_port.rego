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
#   scope: aggregate
#   severity: error
#   inputs: [config, httpd]
#   remediation: |
#     Use the port the service listens on in the URL, or change the
#     listener back to the port its clients use.
package stacklint.rules.endpoints.listener_port

import data.stacklint.lib
import data.stacklint.lib.host

# aggregate: each node's client URLs ({"url": {row (of _refs), target,
# port, where, loc}}, {"metadata": {target, port, key, where, loc}},
# {"wsgi_client": {service, target, port, path, where, loc}}) and the
# ports its services listen on ({"listen": {row, node, port, where}},
# {"metadata_listen": {node, port, where}}, {"wsgi": {service, node,
# paths, httpd_ports, served_ports, vhost}}); the reports pair each
# client with its target node's listener.
aggregate contains {"url": u} if {
	some row, [ckind, csec, ckey, _, _, _, _, _] in _refs
	some [f, sec, key, occ] in lib.keyed([ckey])
	sec == csec
	f.kind in {ckind, "nova-compute.conf"}
	some h in occ.url.hosts
	u := {"row": row, "target": lib.ident(h), "port": h.port, "where": lib.where(f, csec, ckey), "loc": lib.loc(f, csec, ckey, occ)}
}

aggregate contains {"listen": l} if {
	some row, [_, _, _, service, tkind, lsec, lkey, dflt] in _refs
	some name, node in input.nodes
	lib.runs(node, service)
	some tf in _target_files(node, tkind)
	l := {"row": row, "node": name, "port": _port(tf, lsec, lkey, dflt), "where": lib.where(tf, lsec, lkey)}
}

aggregate contains {"metadata": m} if {
	some [f, "DEFAULT", key, occ] in lib.keyed(["nova_metadata_host", "nova_metadata_ip"])
	f.kind == "metadata_agent.ini"
	some h in occ.host_refs
	port := _port(f, "DEFAULT", "nova_metadata_port", 8775)
	m := {"target": lib.ident(h), "port": port, "key": key, "where": lib.where(f, "DEFAULT", key), "loc": lib.loc(f, "DEFAULT", key, occ)}
}

aggregate contains {"metadata_listen": l} if {
	some name, node in input.nodes
	lib.runs(node, "nova-api")
	some tf in _target_files(node, "nova.conf")
	l := {"node": name, "port": _port(tf, "DEFAULT", "metadata_listen_port", 8775), "where": lib.where(tf, "DEFAULT", "metadata_listen_port")}
}

aggregate contains {"wsgi_client": c} if {
	some [service, _, keys, sec] in _wsgi
	some [f, s, k, occ] in lib.keyed(keys)
	_section_ok(s, sec)
	some h in occ.url.hosts
	c := {
		"service": service, "target": lib.ident(h), "port": h.port, "path": object.get(occ.url, "path", ""),
		"where": lib.where(f, s, k), "loc": lib.loc(f, s, k, occ),
	}
}

aggregate contains {"wsgi": w} if {
	some [service, mark, _, _] in _wsgi
	some name, node in input.nodes
	lib.runs(node, service)
	served := host.wsgi_served(node, mark)
	w := {
		"service": service, "node": name, "paths": host.wsgi_paths(node, mark), "httpd_ports": host.httpd_ports(node),
		"served_ports": {p | some [_, _, p] in served}, "vhost": _first_vhost(served),
	}
}

# _first_vhost: the first <VirtualHost> serving the application, {path,
# line, loc}; null when none does.
_first_vhost(served) := {"path": vf.path, "line": vd.line, "loc": host.dloc(vf, vd)} if {
	count(served) > 0
	[vf, vd, _] := served[0]
} else := null

# _refs: [client kind, section, key, target service, target kind,
# listener section, listener key, default port].
_refs := [
	["nova.conf", "glance", "api_servers", "glance-api", "glance-api.conf", "DEFAULT", "bind_port", 9292],
	["nova.conf", "neutron", "url", "neutron-server", "neutron.conf", "DEFAULT", "bind_port", 9696],
	["nova.conf", "vnc", "novncproxy_base_url", "nova-api", "nova.conf", "vnc", "novncproxy_port", 6080],
	["cinder.conf", "DEFAULT", "glance_api_servers", "glance-api", "glance-api.conf", "DEFAULT", "bind_port", 9292],
]

_port(f, section, key, dflt) := to_number(lib.last(f, section, key).value) if lib.has(f, section, key)

else := dflt

_target_files(node, kind) := [f | some f in node.files; f.kind == kind; not f.error]

# The fleet's view, from the records.
_listen[[row, name]] contains l if {
	some r in aggregate
	l := r.listen
	row := l.row
	name := l.node
}

_metadata_listen[name] contains l if {
	some r in aggregate
	l := r.metadata_listen
	name := l.node
}

_served[[service, name]] := w if {
	some r in aggregate
	w := r.wsgi
	service := w.service
	name := w.node
}

report contains finding if {
	some r in aggregate
	u := r.url
	[_, csec, ckey, service, _, _, _, _] := _refs[u.row]
	some l in _listen[[u.row, u.target]]
	u.port != l.port
	finding := {
		"message": sprintf("%s reaches %s on port %d, but %s there listens on %d (%s): the connection is refused", [u.where, u.target, u.port, service, l.port, l.where]),
		"locations": [u.loc],
	}
}

report contains finding if {
	some r in aggregate
	m := r.metadata
	some l in _metadata_listen[m.target]
	m.port != l.port
	finding := {
		"message": sprintf("%s and nova_metadata_port reach %s on port %d, but nova's metadata API there listens on %d (%s): instances get no metadata", [m.where, m.target, m.port, l.port, l.where]),
		"locations": [m.loc],
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
_wsgi_clients(service) := {[c.target, c.port, c] |
	some r in aggregate
	c := r.wsgi_client
	c.service == service
	w := _served[[service, c.target]]
	not _top_level(w, c.path, c.port)
}

# _top_level: httpd maps the URL's path to the application outside any
# vhost, and listens on its port (or the snapshot shows no Listen).
_top_level(w, path, port) if {
	some p in w.paths
	host.under(path, p)
	_listens(w, port)
}

_listens(w, port) if port in w.httpd_ports

_listens(w, _) if count(w.httpd_ports) == 0

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
	some [service, _, _, _] in _wsgi
	clients := _wsgi_clients(service)
	some [target, port] in {[t, p] | some [t, p, _] in clients}
	w := _served[[service, target]]
	count(w.served_ports) > 0
	ports := w.served_ports
	not port in ports
	not _drift_minority(clients, target, port, ports)
	refs := [{"where": c.where, "loc": c.loc} |
		some [t, p, c] in clients
		t == target
		p == port
	]
	finding := {
		"message": sprintf("%s on %s is served by httpd on port %s (%s:%d), but %s reach it on port %d: the connection is refused", [service, target, concat(", ", [sprintf("%d", [p]) | some p in sort(ports)]), w.vhost.path, w.vhost.line, host.listed(refs), port]),
		"locations": array.concat([w.vhost.loc], [r.loc | some r in host.sort_by_where(refs)]),
	}
}
