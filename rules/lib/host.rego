# METADATA
# description: |
#   Access to the host files read as directives (sysctl, modules-load.d,
#   chrony, memcached, my.cnf, haproxy, rabbitmq, httpd): each file has
#   "directives": [{line, name, args, block}].
package stacklint.lib.host

import data.stacklint.lib

# directives yields [file, directive] for every directive of a kind.
directives(kind) := [[f, d] |
	some [_, f] in lib.files(kind)
	some d in f.directives
]

# sysctl is the value a node's sysctl files give a key: the last setting
# in file path order (sysctl --system reads sysctl.d/* then sysctl.conf,
# later wins), as [file, directive]; undefined when no file sets it.
sysctl(node, key) := found[count(found) - 1] if {
	found := [[f, d] |
		some f in _sysctl_files(node)
		some d in f.directives
		_sysctl_name(d.name) == key
	]
	count(found) > 0
}

_sysctl_files(node) := [f | some [_, f] in sort([[_order(f.path), f] | some f in node.files; f.kind == "sysctl"; not f.error])]

# sysctl.conf is applied last.
_order(p) := concat("", ["1", p]) if endswith(p, "/etc/sysctl.conf")

else := concat("", ["0", p])

# sysctl accepts '/' for '.' in key names.
_sysctl_name(n) := replace(n, "/", ".")

# has_kind: the node holds a file of the kind (the check has input there).
has_kind(node, kind) if {
	some f in node.files
	f.kind == kind
}

# dloc is the location of a directive.
dloc(f, d) := {"path": f.path, "node": f.node, "line": d.line, "column": 1}

# _client_keys are options whose hosts are connected to.
_client_keys := [
	"connection", "slave_connection", "transport_url", "memcached_servers", "memcache_servers",
	"api_servers", "url", "auth_url", "www_authenticate_uri", "endpoint_override", "nova_metadata_host",
]

# clients lists the references that reach node name on port: {where, loc,
# addr (the address the client uses), from (the client's node)}.
# (A URL option may carry its host both as URL and as host reference;
# the set keeps one.)
clients(name, port) := [c | some c in _clients(name, port)]

_clients(name, port) := {c |
	some c in references
	c.port == port
	c.reaches == name
}

# references_to are the references to port (host.references entries):
# the per-node half of clients, for a rule's aggregate records.
references_to(port) := {c | some c in references; c.port == port}

# clients_among is clients over records: the references of refs (a set of
# host.references entries, such as references_to's over the fleet) that
# reach node name on port, in the set's order.
clients_among(refs, name, port) := [c | some c in refs; c.port == port; c.reaches == name]

# references are the hosts client options connect to, one per option and
# host: {where, loc, addr (the first address it resolves to), reaches
# (lib.ident), port (named, else the option's default), from (the node)}.
references contains c if {
	some [f, s, k, occ] in lib.keyed(_client_keys)
	some h in array.concat(object.get(occ, ["url", "hosts"], []), object.get(occ, "host_refs", []))
	count(h.resolved) > 0
	c := {
		"where": lib.where(f, s, k), "loc": lib.loc(f, s, k, occ), "addr": h.resolved[0],
		"reaches": lib.ident(h), "port": _port(h, k), "from": f.node,
	}
}

# _port: the port a reference names, else the default of its option.
_port(h, k) := h.port if h.port > 0

else := object.get(_default_ports, k, 0)

_default_ports := {
	"connection": 3306, "slave_connection": 3306, "transport_url": 5672, "memcached_servers": 11211,
	"memcache_servers": 11211, "nova_metadata_host": 8775,
}

# wildcard: a bind address that listens everywhere.
wildcard(a) if a in {"0.0.0.0", "::", "*", "[::]", ""}

# listed names client references in a message: up to three, then a count.
listed(cs) := lib.listed([c.where | some c in sort_by_where(cs)])

sort_by_where(cs) := [c | some [_, c] in sort([[c.where, c] | some c in cs])]

# wsgi_served: the <VirtualHost> tags of a node whose vhost serves a WSGI
# application (a WSGI directive with an argument containing mark), as
# [file, tag directive, port], sorted.
wsgi_served(node, mark) := sort({[f, _vhost(f, d.block), p] |
	some f in node.files
	f.kind == "httpd"
	some d in f.directives
	_wsgi_directive(d, mark)
	startswith(d.block, "VirtualHost ")
	some a in array.slice(split(d.block, " "), 1, 10)
	p := _vhost_port(a)
})

# _vhost is the <VirtualHost> tag a directive sits in.
_vhost(f, block) := [d | some d in f.directives; d.name == "<VirtualHost"; concat(" ", array.concat(["VirtualHost"], d.args)) == block][0]

_wsgi_directive(d, mark) if {
	d.name in {"WSGIScriptAlias", "WSGIDaemonProcess", "WSGIProcessGroup"}
	some a in d.args
	contains(a, mark)
}

_vhost_port(a) := to_number(p) if {
	parts := split(a, ":")
	p := parts[count(parts) - 1]
	regex.match(`^[0-9]+$`, p)
}

# wsgi_anywhere: httpd serves the application outside any vhost, under
# some URL path (wsgi_paths), on every port it listens on.
wsgi_anywhere(node, mark) if count(wsgi_paths(node, mark)) > 0

# wsgi_paths are the URL paths under which httpd serves a WSGI application
# (mark: a word of its script, socket or process group) outside any vhost:
# a top-level WSGIScriptAlias, Alias or ProxyPass to it ("/identity" in
# keystone's upstream wsgi-keystone.conf, devstack's uwsgi proxy), or a
# top-level <Location> whose directives name it.
wsgi_paths(node, mark) := {p |
	some f in node.files
	f.kind == "httpd"
	some d in f.directives
	not _in_vhost(d)
	p := _mapped_path(d, mark)
}

_in_vhost(d) if {
	some b in object.get(d, "blocks", [d.block])
	startswith(b, "VirtualHost ")
}

_mapped_path(d, mark) := d.args[0] if {
	d.name in {"WSGIScriptAlias", "Alias", "ScriptAlias", "ProxyPass"}
	count(d.args) > 1
	contains(d.args[1], mark)
}

_mapped_path(d, mark) := substring(d.block, count("Location "), -1) if {
	startswith(d.block, "Location ")
	not startswith(d.name, "<")
	some a in d.args
	contains(a, mark)
}

# httpd_ports are the ports a node's httpd listens on (Listen [addr:]port
# [protocol]); empty when no Listen is in the snapshot.
httpd_ports(node) := {to_number(p) |
	some f in node.files
	f.kind == "httpd"
	some d in f.directives
	d.name == "Listen"
	count(d.args) > 0
	parts := split(d.args[0], ":")
	p := parts[count(parts) - 1]
	regex.match(`^[0-9]+$`, p)
}

# under: a URL path falls under a mapped path prefix (whole segments).
under(_, "/")

under(path, prefix) if path == prefix

under(path, prefix) if {
	prefix != "/"
	startswith(path, concat("", [trim_suffix(prefix, "/"), "/"]))
}

# held_anywhere: some node of the snapshot holds a file of the kind
# (input.file_kinds, a fleet-wide fact of the model), so a rule builds its
# per-node records only for checks some node has input for; assumed when
# the input does not say (hand-built test inputs).
held_anywhere(_) if not input.file_kinds

held_anywhere(kind) if kind in input.file_kinds
