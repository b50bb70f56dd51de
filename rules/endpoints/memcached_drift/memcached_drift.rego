# METADATA
# title: memcached server lists differ between nodes
# description: |
#   Token caches ([keystone_authtoken] memcached_servers, formerly
#   memcache_servers) and oslo.cache ([cache] memcache_servers) must name
#   the same memcached servers on every node: a node with another list, or
#   with 127.0.0.1 in a multi-node deployment, caches tokens where its
#   peers never look, so revocations and cached validations diverge.
#   Servers are compared by what they resolve to on each node, in any order.
# custom:
#   id: SL-EP-009
#   severity: warning
#   remediation: |
#     Use the same memcached server list (the guide's controller:11211)
#     on every node and restart the services.
package stacklint.rules.endpoints.memcached_drift

import data.stacklint.lib

_places := {"keystone_authtoken": {"memcached_servers", "memcache_servers"}, "cache": {"memcache_servers"}}

_copies contains c if {
	some [f, section, key, occ] in lib.keyed({"memcached_servers", "memcache_servers"})
	key in _places[section]
	servers := sort({sprintf("%s:%d", [lib.ident(h), h.port]) | some h in occ.host_refs})
	c := {"section": section, "v": servers, "value": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

report contains finding if {
	some section in {c.section | some c in _copies}
	copies := {c | some c in _copies; c.section == section}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s = %s, but most nodes use %s (%s): token caches diverge", [c.where, c.value, r.value, r.where]),
		"locations": [c.loc, r.loc],
	}
}
