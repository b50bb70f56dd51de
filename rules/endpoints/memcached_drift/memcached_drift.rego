# METADATA
# title: memcached or glance server lists differ between nodes
# description: |
#   Token caches ([keystone_authtoken] memcached_servers, formerly
#   memcache_servers) and oslo.cache ([cache] memcache_servers) must name
#   the same memcached servers on every node: a node with another list, or
#   with 127.0.0.1 in a multi-node deployment, caches tokens where its
#   peers never look, so revocations and cached validations diverge. Nova's
#   [glance] api_servers (Icehouse: glance_api_servers, glance_host) must
#   likewise be the same on every nova node, or images are fetched from a
#   store some nodes do not share. Servers are compared by what they
#   resolve to on each node, in any order.
#   The authority is the servers' own configuration: a list naming only
#   nodes whose memcached configuration is in the snapshot
#   (memcached.conf, sysconfig/memcached, on their port), or only nodes
#   running glance-api (on its bind_port), is the reference, and lists
#   that differ from it are reported; lists that each name such servers
#   but differ in equal numbers are reported together. It is used when
#   every list names nodes of the snapshot (a server elsewhere may run
#   memcached or be a load balancer); otherwise, or without such
#   configuration, the list most nodes use is taken, and the message says
#   so.
# custom:
#   id: SL-EP-009
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Use the same memcached server list (the guide's controller:11211)
#     on every node and restart the services.
package stacklint.rules.endpoints.memcached_drift

import data.stacklint.lib

# _group names what a server-list option configures (and so what its
# copies are compared with).
_group(_, "keystone_authtoken", key) := "token caches" if key in {"memcached_servers", "memcache_servers"}

_group(_, "cache", "memcache_servers") := "caches"

_group(f, "glance", "api_servers") := "image stores" if f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}

_group(f, "DEFAULT", key) := "image stores" if {
	key in {"glance_api_servers", "glance_host"}
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
}

# aggregate: each node's server lists ({"copy": {group, v, targets,
# value, where, loc}}), the servers its own configuration shows running
# ({"memcached": {server: "node:port", path}} from memcached's files,
# {"glance": {server, path}} from glance-api.conf) and its name
# ({"node"}); the reports judge the lists against the servers.
aggregate contains {"copy": c} if some c in _my_written

aggregate contains {"memcached": {"server": s, "path": p}} if some s, p in _my_memcached

aggregate contains {"glance": {"server": s, "path": p}} if some s, p in _my_glance

aggregate contains {"node": name} if some name, _ in input.nodes

# The fleet's view, from the records.
_written := {r.copy | some r in aggregate; r.copy}

_nodes := {r.node | some r in aggregate; r.node}

_memcached := {x.server: x.path | some r in aggregate; x := r.memcached}

_glance := {x.server: x.path | some r in aggregate; x := r.glance}

# _my_written: every copy of a server list, each server as "ident:port".
_my_written contains c if {
	some [f, section, key, occ] in lib.keyed({"memcached_servers", "memcache_servers", "api_servers", "glance_api_servers", "glance_host"})
	group := _group(f, section, key)
	not _unresolved(occ) # a host the node cannot resolve is SL-EP-004
	servers := sort({sprintf("%s:%d", [lib.ident(h), h.port]) | some h in occ.host_refs})
	targets := {lib.ident(h) | some h in occ.host_refs}
	c := {"group": group, "v": servers, "targets": targets, "value": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

# _copies are the copies marked "auth" when they name only servers the
# snapshot shows running (see _own), judged only when every copy of the
# group names nodes of the snapshot (a server elsewhere may run there, or
# be a load balancer: then the majority is taken, and said).
_copies contains object.union(c, {"auth": _auth(c)}) if some c in _written

_auth(c) if {
	_whole(c.group)
	own := _own[c.group]
	every s in c.v {
		own[s]
	}
}

default _auth(_) := false

_whole(group) if {
	count(_own[group]) > 0
	not _outside[group]
}

# _outside: the groups with a copy naming a server that is no node of the
# snapshot (computed once, not per copy).
_outside contains c.group if {
	some c in _written
	some t in c.targets
	not t in _nodes
}

# _own maps each group to "node:port" → the file that shows the server
# running there: memcached's own configuration for the caches
# (memcached.conf -p, sysconfig/memcached PORT or -p in OPTIONS; 11211
# unset), glance-api.conf for the image stores (bind_port, 9292 unset).
_own := {
	"token caches": _memcached,
	"caches": _memcached,
	"image stores": _glance,
}

_my_memcached := {sprintf("%s:%d", [name, _mc_port(fs)]): fs[0].path |
	some name, node in input.nodes
	fs := [f | some f in node.files; f.kind == "memcached"; not f.error]
	count(fs) > 0
}

# _mc_port: a -p flag (memcached.conf, or OPTIONS, which RDO's unit
# passes after -p ${PORT}), else PORT, else 11211.
_mc_port(fs) := _last([p | some f in fs; some d in f.directives; p := _flag_port(d)]) if true

else := _last([to_number(d.args[0]) | some f in fs; some d in f.directives; d.name == "PORT"; regex.match(`^[0-9]+$`, d.args[0])]) if true

else := 11211

_last(ps) := ps[count(ps) - 1] if count(ps) > 0

_flag_port(d) := to_number(d.args[0]) if {
	d.name == "-p"
	regex.match(`^[0-9]+$`, d.args[0])
}

_flag_port(d) := to_number(words[i + 1]) if {
	d.name == "OPTIONS"
	words := split(concat(" ", d.args), " ")
	some i, w in words
	w == "-p"
	regex.match(`^[0-9]+$`, words[i + 1])
}

_my_glance := {sprintf("%s:%s", [name, trim_space(s.value)]): s.file.path |
	some name, node in input.nodes
	lib.runs(node, "glance-api")
	s := _bind_port(node)
}

_bind_port(node) := {"value": occ.value, "file": f} if {
	[f, occ] := lib.effective(node, ["glance-api.conf"], "DEFAULT", "bind_port")
} else := {"value": "9292", "file": f} if {
	f := lib.one_of(node, "glance-api.conf", "glance-api")
}

report contains finding if {
	some group in {c.group | some c in _copies}
	copies := {c | some c in _copies; c.group == group}
	some [c, r] in lib.against(copies)
	finding := {
		"message": _message(group, copies, c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(group, copies, c, r) := sprintf("%s = %s, but %s = %s names the %s (%s): %s diverge", [c.where, c.value, r.where, r.value, _running[group], concat(", ", sort({_own[group][s] | some s in r.v})), group]) if r.auth

else := sprintf("%s = %s, but %s = %s (%s: %s): %s diverge", [c.where, c.value, r.where, r.value, _none(group), lib.compared(copies, r.v), group])

_running := {"token caches": "memcached servers whose own configuration is in the snapshot", "caches": "memcached servers whose own configuration is in the snapshot", "image stores": "nodes running glance-api"}

# _none says why the group has no authority.
_none(group) := sprintf("no %s in the snapshot", [_what[group]]) if count(_own[group]) == 0

else := "a copy names servers outside the snapshot" if not _whole(group)

else := sprintf("no copy names only %s", [_running[group]])

_what := {"token caches": "memcached configuration", "caches": "memcached configuration", "image stores": "glance-api node"}

# Copies that each name servers the snapshot shows running, but different
# ones, in equal numbers: no list is the authority's.
report contains finding if {
	some group in {c.group | some c in _copies}
	firsts := lib.authority_conflict({c | some c in _copies; c.group == group})
	finding := {
		"message": sprintf("%s diverge: copies name different %s (%s)", [group, _running[group], concat(", ", [sprintf("%s = %s", [r.where, r.value]) | some [_, r] in firsts])]),
		"locations": [r.loc | some [_, r] in firsts],
	}
}

_unresolved(occ) if {
	some h in occ.host_refs
	count(h.resolved) == 0
}
