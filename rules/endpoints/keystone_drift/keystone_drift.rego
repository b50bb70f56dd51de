# METADATA
# title: A service talks to another Keystone than its peers
# description: |
#   Every auth_url of every service (keystone_authtoken, service_user,
#   nova [neutron]/[placement], neutron [nova], the Icehouse-era
#   auth_host/auth_port and *_admin_auth_url, the metadata agent) must
#   reach the same Keystone, and so must every www_authenticate_uri and
#   OS_AUTH_URL. Hosts are compared by what they resolve to on the referring
#   node, paths are ignored (http://controller:5000 and .../v3 are the same
#   Keystone), and the pre-Queens admin port 35357 counts as Keystone's
#   5000. Public URLs and service URLs are compared separately, since
#   public and internal endpoints may differ. A reference that reaches
#   another host or port than the others authenticates against a Keystone
#   that does not know its tokens, or nothing at all.
#   The authority is Keystone's own configuration: for public URLs its
#   [DEFAULT] public_endpoint (the base URL it advertises) when written;
#   else the references that reach a node whose httpd serves Keystone on
#   that port and path (its <VirtualHost>, or a top-level mapping such as
#   /identity on a port httpd listens on). Every reference that differs
#   is compared with it. Served places reached in equal numbers, or
#   public_endpoint values that differ, are reported as such. The vhost
#   is used only when every reference of the class reaches a node of the
#   snapshot whose httpd configuration is in it (a host elsewhere may be a
#   load balancer in front of Keystone); otherwise the endpoint most
#   references reach is taken, and the message says so.
# custom:
#   id: SL-EP-001
#   severity: error
#   inputs: [config, rc]
#   remediation: |
#     Point the reference at the endpoint Keystone is served on (its
#     public_endpoint, or the httpd vhost: the guide's
#     http://controller:5000) and restart the service.
package stacklint.rules.endpoints.keystone_drift

import data.stacklint.lib
import data.stacklint.lib.host
import data.stacklint.lib.keystone as ks

_refs contains c if {
	some r in ks.refs
	not lib.unresolved(r.host) # SL-EP-004
	port := _port(r.port)
	c := object.union(r, {"v": [lib.ident(r.host), port]})
}

_port(35357) := 5000

_port(p) := p if p != 35357

# _public_endpoints: keystone's own [DEFAULT] public_endpoint, written on a
# node running keystone: the base URL keystone advertises to its clients,
# the authority for the public class.
_public_endpoints contains c if {
	some [f, "DEFAULT", "public_endpoint", occ] in lib.keyed(["public_endpoint"])
	f.kind == "keystone.conf"
	lib.runs(input.nodes[f.node], "keystone")
	h := occ.url.hosts[0]
	not lib.unresolved(h)
	c := {
		"class": "public", "host": h, "scheme": occ.url.scheme, "port": h.port, "path": occ.url.path,
		"endpoint": occ.url.endpoint, "node": f.node, "pos": [f.path, occ.line], "src": [f, "DEFAULT", "public_endpoint", occ],
		"v": [lib.ident(h), _port(h.port)], "auth": true, "basis": "public_endpoint",
	}
}

# _copies maps each class to its references, each marked "auth" when it
# reaches Keystone where its own configuration serves it (_served_ref);
# the public class also holds keystone's public_endpoint when written.
# Computed once per class.
_copies[class] := {c |
	some r in _refs
	r.class == class
	c := object.union(r, {"auth": _served_ref(class, r), "basis": "vhost"})
} | {c | some c in _public_endpoints; class == "public"} if some class in {"public", "service"}

# _served_ref: the reference reaches a node of the snapshot whose httpd
# serves Keystone on that port and path: in a <VirtualHost> on the port
# holding its WSGI application, or under a path mapped outside any vhost
# on a port httpd listens on. Judged only when the class has no
# public_endpoint and every reference of the class reaches a node of the
# snapshot (a reference elsewhere may reach a load balancer in front of
# Keystone).
_served_ref(class, r) if {
	count({c | some c in _public_endpoints; class == "public"}) == 0
	_whole(class)
	_serves(r.v[0], r.port, r.path)
}

default _served_ref(_, _) := false

_whole(class) if not _unjudged[class]

# _unjudged: the classes with a reference reaching no node of the snapshot,
# or a keystone node whose httpd configuration is not in it (computed once).
_unjudged contains r.class if {
	some r in _refs
	not input.nodes[r.v[0]]
}

_unjudged contains r.class if {
	some r in _refs
	not _known(input.nodes[r.v[0]])
}

# _known: what the node serves can be told: it runs no keystone, or its
# httpd configuration is in the snapshot.
_known(node) if not lib.runs(node, "keystone")

_known(node) if host.has_kind(node, "httpd")

_serves(name, port, _) if port in _vhost_ports[name]

_serves(name, port, path) if {
	some p in _mapped[name].paths
	host.under(_path(path), p)
	port in _mapped[name].ports
}

# _vhost_ports and _mapped: where httpd serves Keystone on each node with
# httpd files, computed once per node: the ports of its <VirtualHost>s,
# and the paths mapped outside any vhost with the ports httpd listens on.
_vhost_ports[name] := {p | some [_, _, p] in host.wsgi_served(node, "keystone")} if {
	some name, node in input.nodes
	host.has_kind(node, "httpd")
}

_mapped[name] := {"paths": host.wsgi_paths(node, "keystone"), "ports": host.httpd_ports(node)} if {
	some name, node in input.nodes
	host.has_kind(node, "httpd")
}

_path(p) := p if p != ""

else := "/"

# _served_at is where httpd on a node serves Keystone on a port (for
# messages): its <VirtualHost>, else the top-level mapping.
_served_at(name, port) := sprintf("%s:%d", [f.path, d.line]) if {
	some [f, d, p] in host.wsgi_served(input.nodes[name], "keystone")
	p == port
} else := sprintf("%s:%d", [f.path, d.line]) if {
	some f in input.nodes[name].files
	f.kind == "httpd"
	some d in f.directives
	d.name in {"WSGIScriptAlias", "Alias", "ProxyPass"}
	count(d.args) > 1
	contains(d.args[1], "keystone")
}

report contains finding if {
	some class in {"public", "service"}
	copies := _copies[class]
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(class, copies, c, r),
		"locations": [ks.loc(c), ks.loc(r)],
	}
}

_message(class, copies, c, r) := sprintf("%s reaches Keystone at %s, but keystone's own public_endpoint, the URL it advertises to its clients, is %s (%s): clients given the other URL reach Keystone another way, or not at all", [ks.where(c), _shown(c, r), _shown(r, c), ks.where(r)]) if {
	r.basis == "public_endpoint"
} else := sprintf("%s reaches Keystone at %s, but %s of the %s references that reach a node serving Keystone reach %s (%s)", [ks.where(c), _shown(c, r), lib.tally(lib.authorities(copies), r.v), class, _shown(r, c), ks.where(r)]) if {
	r.auth
	c.auth
} else := sprintf("%s reaches Keystone at %s, where nothing serves it; httpd on %s serves Keystone at %s%s (%s), as %s reaches it", [ks.where(c), _shown(c, r), r.v[0], r.endpoint, r.path, _served_at(r.v[0], r.port), ks.where(r)]) if {
	r.auth
} else := sprintf("%s reaches Keystone at %s, but %d of %d %s references reach %s (%s; %s: %s)", [ks.where(c), _shown(c, r), count([1 | some d in copies; d.v == r.v]), count(copies), class, _shown(r, c), ks.where(r), _none(class), lib.compared_with(copies, r.v)])

# _none says why the class has no authority.
_none(class) := "a reference reaches a host outside the snapshot" if {
	some r in _refs
	r.class == class
	not input.nodes[r.v[0]]
} else := sprintf("no httpd configuration of %s in the snapshot", [concat(", ", sort(_unknown(class)))]) if {
	count(_unknown(class)) > 0
} else := "no reference reaches a node where httpd serves Keystone" if _any_served

else := "no httpd configuration serving Keystone in the snapshot"

_unknown(class) := {name |
	some r in _refs
	r.class == class
	name := r.v[0]
	not _known(input.nodes[name])
}

_any_served if {
	some ports in _vhost_ports
	count(ports) > 0
}

_any_served if {
	some m in _mapped
	count(m.paths) > 0
}

# Keystone nodes' public_endpoint values disagree, or references reach
# different nodes serving Keystone in equal numbers.
report contains finding if {
	some class in {"public", "service"}
	firsts := lib.authority_conflict(_copies[class])
	finding := {
		"message": _conflict(class, [r | some [_, r] in firsts]),
		"locations": [ks.loc(r) | some [_, r] in firsts],
	}
}

_conflict(class, rs) := sprintf("keystone nodes advertise different public_endpoint values (%s): clients follow whichever node answered", [_listed(rs)]) if rs[0].basis == "public_endpoint"

else := sprintf("%s references reach different nodes that each serve Keystone, in equal numbers (%s): unless they share one database and key repository, a token issued by one fails on the other", [class, _listed(rs)])

_listed(rs) := concat(", ", [sprintf("%s: %s", [ks.where(r), r.endpoint]) | some r in rs])

# _shown is a reference's endpoint as written, with the machine it reaches
# when the other side writes the same URL (the name resolves differently
# on the two nodes): a message never compares equal values.
_shown(c, other) := c.endpoint if c.endpoint != other.endpoint

else := sprintf("%s (%s on %s)", [c.endpoint, _target(c), c.node])

_target(c) := sprintf("node %s", [c.v[0]]) if input.nodes[c.v[0]]

else := c.v[0]
