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
# custom:
#   id: SL-EP-009
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

_copies contains c if {
	some [f, section, key, occ] in lib.keyed({"memcached_servers", "memcache_servers", "api_servers", "glance_api_servers", "glance_host"})
	group := _group(f, section, key)
	not _unresolved(occ) # a host the node cannot resolve is SL-EP-004
	servers := sort({sprintf("%s:%d", [lib.ident(h), h.port]) | some h in occ.host_refs})
	c := {"group": group, "v": servers, "value": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

report contains finding if {
	some group in {c.group | some c in _copies}
	copies := {c | some c in _copies; c.group == group}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s = %s, but most nodes use %s (%s): %s diverge", [c.where, c.value, r.value, r.where, group]),
		"locations": [c.loc, r.loc],
	}
}

_unresolved(occ) if {
	some h in occ.host_refs
	count(h.resolved) == 0
}
