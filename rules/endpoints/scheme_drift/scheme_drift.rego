# METADATA
# title: One endpoint reached over both http and https
# description: |
#   A listener speaks either TLS or plain HTTP. When some references to one
#   host and port use https:// and others http://, one group of clients
#   fails (SSL errors, or "Connection reset" against a TLS port), usually
#   after TLS was turned on and not every file followed. References are
#   compared by what they reach (host resolved on each node, and port).
#   The authority is the listener's own configuration: when the target is
#   a node of the snapshot whose httpd has a <VirtualHost> on that port,
#   it speaks https with SSLEngine on there and http without, and every
#   reference using the other scheme is reported. Without it the scheme
#   most references use is taken, and the message says so.
# custom:
#   id: SL-EP-007
#   scope: aggregate
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Use the scheme the listener speaks in every URL pointing at it (and
#     cafile where https is used).
package stacklint.rules.endpoints.scheme_drift

import data.stacklint.lib
import data.stacklint.lib.host

# aggregate: each node's URLs ({"copy": {target, v (the scheme), where,
# loc}}), its httpd <VirtualHost> tags with the scheme each speaks
# ({"vhost": {node, path, line, args, scheme, loc}}) and its name
# ({"node"}); the report groups the copies by target and takes the
# target node's vhost as the authority.
aggregate contains {"copy": c} if some c in _my_copies

aggregate contains {"vhost": t} if {
	some name, node in input.nodes
	some f in lib.files_of(node, "httpd")
	some d in f.directives
	d.name == "<VirtualHost"
	block := concat(" ", array.concat(["VirtualHost"], d.args))
	t := {"node": name, "path": f.path, "line": d.line, "args": d.args, "scheme": _scheme(f, block), "loc": host.dloc(f, d)}
}

aggregate contains {"node": name} if some name, _ in input.nodes

_keys := [
	"www_authenticate_uri", "auth_uri", "auth_url", "identity_uri", "admin_auth_url", "api_servers",
	"url", "endpoint_override", "novncproxy_base_url", "glance_api_servers",
]

_my_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.url.scheme in {"http", "https"}
	some h in occ.url.hosts
	not lib.unresolved(h)
	c := {"target": sprintf("%s:%d", [lib.ident(h), h.port]), "v": occ.url.scheme, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

_my_copies contains c if {
	some rc in input.rc
	u := rc.vars.OS_AUTH_URL.url
	u.scheme in {"http", "https"}
	some h in u.hosts
	not lib.unresolved(h)
	c := {"target": sprintf("%s:%d", [lib.ident(h), h.port]), "v": u.scheme, "where": sprintf("%s OS_AUTH_URL", [rc.path]), "loc": lib.rc_loc(rc, "OS_AUTH_URL")}
}

_scheme(f, block) := "https" if {
	some d in f.directives
	d.name == "SSLEngine"
	lower(d.args[0]) == "on"
	block in object.get(d, "blocks", [d.block])
} else := "http"

# The fleet's view, from the records.
_copies := {r.copy | some r in aggregate; r.copy}

_nodes := {r.node | some r in aggregate; r.node}

_tags := {r.vhost | some r in aggregate; r.vhost}

# _vhosts: the scheme httpd speaks on a node's port, from the
# <VirtualHost> tag on that port ("https" with SSLEngine on inside it), as
# an authoritative copy for the references to "node:port".
_vhosts[target] := c if {
	some target in {c.target | some c in _copies}
	parts := split(target, ":")
	port := parts[count(parts) - 1]
	name := concat(":", array.slice(parts, 0, count(parts) - 1))
	name in _nodes
	tags := sort([[t.path, t.line, t] |
		some t in _tags
		t.node == name
		some a in t.args
		endswith(a, concat("", [":", port]))
	])
	count(tags) > 0
	t := tags[0][2]
	c := {
		"target": target, "v": t.scheme, "auth": true, "vhost": sprintf("%s:%d", [t.path, t.line]),
		"tls": _tls[t.scheme], "loc": t.loc,
	}
}

_tls := {"https": "SSLEngine on", "http": "no SSLEngine on"}

report contains finding if {
	some target in {c.target | some c in _copies}
	copies := {c | some c in _copies; c.target == target} | {c | c := _vhosts[target]}
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(target, copies, c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(target, copies, c, r) := sprintf("%s reaches %s over %s, but httpd there speaks %s on that port (its <VirtualHost> at %s has %s): the connection fails", [c.where, target, c.v, r.v, r.vhost, r.tls]) if r.auth

else := sprintf("%s reaches %s over %s, but %s uses %s (%s: %s): one of them cannot talk to the listener", [c.where, target, c.v, r.where, r.v, _none(target), lib.compared(copies, r.v)])

# _none says why the target has no authority.
_none(target) := "no httpd <VirtualHost> for that port in the snapshot" if {
	parts := split(target, ":")
	concat(":", array.slice(parts, 0, count(parts) - 1)) in _nodes
} else := "the listener is not in the snapshot"
