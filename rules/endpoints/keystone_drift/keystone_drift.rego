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
#   scope: aggregate
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

# aggregate: each node's references to Keystone ({"ref": ks.records'
# record}, those it resolves), keystone's own public_endpoint on a
# keystone node ({"public_endpoint": the same, "auth", "basis"}), the
# node's name ({"node"}), a keystone node whose httpd configuration is not
# in the snapshot ({"hidden": name}), and where a node's httpd serves
# Keystone ({"httpd": {name, vhost_ports, served: [[port, "path:line"]],
# paths, ports, mapped_at}}); the reports compare them over the fleet.
aggregate contains {"ref": c} if some c in _my_refs

aggregate contains {"public_endpoint": c} if some c in _my_public_endpoints

aggregate contains {"node": name} if some name, _ in input.nodes

aggregate contains {"hidden": name} if {
	some name, node in input.nodes
	lib.runs(node, "keystone")
	not _has_httpd(node)
}

aggregate contains {"httpd": h} if {
	some name, node in input.nodes
	_has_httpd(node)
	served := host.wsgi_served(node, "keystone")
	h := {
		"name": name,
		"vhost_ports": {p | some [_, _, p] in served},
		"served": {[p, sprintf("%s:%d", [f.path, d.line])] | some [f, d, p] in served},
		"paths": host.wsgi_paths(node, "keystone"),
		"ports": host.httpd_ports(node),
		"mapped_at": _mapped_at(node),
	}
}

_my_refs contains r if {
	some r in ks.records
	not r.unresolved # SL-EP-004
}

_port(35357) := 5000

_port(p) := p if p != 35357

# _my_public_endpoints: keystone's own [DEFAULT] public_endpoint, written
# on a node running keystone: the base URL keystone advertises to its
# clients, the authority for the public class.
_my_public_endpoints contains c if {
	some [f, "DEFAULT", "public_endpoint", occ] in lib.keyed(["public_endpoint"])
	f.kind == "keystone.conf"
	lib.runs(input.nodes[f.node], "keystone")
	h := occ.url.hosts[0]
	not lib.unresolved(h)
	c := {
		"class": "public", "host": h.host, "port": h.port, "path": occ.url.path,
		"endpoint": occ.url.endpoint, "node": f.node, "pos": [f.path, occ.line],
		"where": lib.where(f, "DEFAULT", "public_endpoint"), "loc": lib.loc(f, "DEFAULT", "public_endpoint", occ),
		"v": [lib.ident(h), _port(h.port)], "auth": true, "basis": "public_endpoint",
	}
}

# _has_httpd: the node's httpd configuration is in the snapshot (what it
# serves can be told).
_has_httpd(node) if count(lib.files_of(node, "httpd")) > 0

# _mapped_at: the node's httpd directives mapping a path to Keystone
# outside a vhost ("path:line", for messages).
_mapped_at(node) := {sprintf("%s:%d", [f.path, d.line]) |
	some f in node.files
	f.kind == "httpd"
	some d in f.directives
	d.name in {"WSGIScriptAlias", "Alias", "ProxyPass"}
	count(d.args) > 1
	contains(d.args[1], "keystone")
}

# The fleet's view, from the records.
_refs := {r.ref | some r in aggregate; r.ref}

_public_endpoints := {r.public_endpoint | some r in aggregate; r.public_endpoint}

_nodes := {r.node | some r in aggregate; r.node}

_hidden := {r.hidden | some r in aggregate; r.hidden}

_httpd[name] := h if {
	some r in aggregate
	h := r.httpd
	name := h.name
}

# _copies maps each class to its references, each marked "auth" when it
# reaches Keystone where its own configuration serves it (_served_ref);
# the public class also holds keystone's public_endpoint when written.
# Each reference's value "v" is [what it reaches, port] (35357 counted as
# 5000). Computed once per class.
_copies[class] := {c |
	some r in _refs
	r.class == class
	c := object.union(r, {"v": [r.reaches, _port(r.port)], "auth": _served_ref(class, r), "basis": "vhost"})
} | {c | some c in _public_endpoints; class == "public"} if some class in {"public", "service"}

# _served_ref: the reference reaches a node of the snapshot whose httpd
# serves Keystone on that port and path: in a <VirtualHost> on the port
# holding its WSGI application, or under a path mapped outside any vhost
# on a port httpd listens on. Judged only when the class has no
# public_endpoint and every reference of the class reaches a node of the
# snapshot (a reference elsewhere may reach a load balancer in front of
# Keystone).
_served_ref(class, r) if {
	not _advertised[class]
	_whole(class)
	_serves(r.reaches, r.port, r.path)
}

# _advertised: the public class when keystone's public_endpoint is written.
_advertised contains "public" if count(_public_endpoints) > 0

default _served_ref(_, _) := false

_whole(class) if not _unjudged[class]

# _unjudged: the classes with a reference reaching no node of the snapshot,
# or a keystone node whose httpd configuration is not in it (computed once).
_unjudged contains r.class if {
	some r in _refs
	not _known_node(r.reaches)
}

# _known_node: a node of the snapshot where what it serves can be told.
_known_node(name) if {
	name in _nodes
	not name in _hidden
}

_serves(name, port, _) if port in _httpd[name].vhost_ports

_serves(name, port, path) if {
	some p in _httpd[name].paths
	host.under(_path(path), p)
	port in _httpd[name].ports
}

_path(p) := p if p != ""

else := "/"

# _served_at is where httpd on a node serves Keystone on a port (for
# messages): its <VirtualHost>, else the top-level mapping.
_served_at(name, port) := at if {
	some [p, at] in _httpd[name].served
	p == port
} else := at if {
	some at in _httpd[name].mapped_at
}

report contains finding if {
	some class in {"public", "service"}
	copies := _copies[class]
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(class, copies, c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(class, copies, c, r) := sprintf("%s reaches Keystone at %s, but keystone's own public_endpoint, the URL it advertises to its clients, is %s (%s): clients given the other URL reach Keystone another way, or not at all", [c.where, _shown(c, r), _shown(r, c), r.where]) if {
	r.basis == "public_endpoint"
} else := sprintf("%s reaches Keystone at %s, but %s of the %s references that reach a node serving Keystone reach %s (%s)", [c.where, _shown(c, r), lib.tally(lib.authorities(copies), r.v), class, _shown(r, c), r.where]) if {
	r.auth
	c.auth
} else := sprintf("%s reaches Keystone at %s, where nothing serves it; httpd on %s serves Keystone at %s%s (%s), as %s reaches it", [c.where, _shown(c, r), r.v[0], r.endpoint, r.path, _served_at(r.v[0], r.port), r.where]) if {
	r.auth
} else := sprintf("%s reaches Keystone at %s, but %d of %d %s references reach %s (%s; %s: %s)", [c.where, _shown(c, r), count([1 | some d in copies; d.v == r.v]), count(copies), class, _shown(r, c), r.where, _none(class), lib.compared_with(copies, r.v)])

# _none says why the class has no authority.
_none(class) := "a reference reaches a host outside the snapshot" if {
	some r in _refs
	r.class == class
	not r.reaches in _nodes
} else := sprintf("no httpd configuration of %s in the snapshot", [concat(", ", sort(_unknown(class)))]) if {
	count(_unknown(class)) > 0
} else := "no reference reaches a node where httpd serves Keystone" if _any_served

else := "no httpd configuration serving Keystone in the snapshot"

_unknown(class) := {name |
	some r in _refs
	r.class == class
	name := r.reaches
	not _known_node(name)
}

_any_served if {
	some h in _httpd
	count(h.vhost_ports) > 0
}

_any_served if {
	some h in _httpd
	count(h.paths) > 0
}

# Keystone nodes' public_endpoint values disagree, or references reach
# different nodes serving Keystone in equal numbers.
report contains finding if {
	some class in {"public", "service"}
	firsts := lib.authority_conflict(_copies[class])
	finding := {
		"message": _conflict(class, [r | some [_, r] in firsts]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}

_conflict(class, rs) := sprintf("keystone nodes advertise different public_endpoint values (%s): clients follow whichever node answered", [_listed(rs)]) if rs[0].basis == "public_endpoint"

else := sprintf("%s references reach different nodes that each serve Keystone, in equal numbers (%s): unless they share one database and key repository, a token issued by one fails on the other", [class, _listed(rs)])

_listed(rs) := concat(", ", [sprintf("%s: %s", [r.where, r.endpoint]) | some r in rs])

# _shown is a reference's endpoint as written, with the machine it reaches
# when the other side writes the same URL (the name resolves differently
# on the two nodes): a message never compares equal values.
_shown(c, other) := c.endpoint if c.endpoint != other.endpoint

else := sprintf("%s (%s on %s)", [c.endpoint, _target(c), c.node])

_target(c) := sprintf("node %s", [c.v[0]]) if c.v[0] in _nodes

else := c.v[0]
