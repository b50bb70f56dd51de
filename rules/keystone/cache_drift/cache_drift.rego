# METADATA
# title: Keystone nodes cache differently
# description: |
#   Keystone caches tokens, revocations, roles and catalog data through
#   oslo.cache ([cache] enabled, backend, memcache_servers). Nodes behind
#   one endpoint must share one cache: a node with caching off, another
#   backend (a process-local dogpile.cache.memory) or other servers keeps
#   answers its peers already invalidated, so a revoked token or a removed
#   role still works on that node until its cache expires.
# custom:
#   id: SL-KS-006
#   severity: warning
#   inputs: [keystone.conf]
#   remediation: |
#     Give every keystone node the same [cache] enabled, backend and
#     memcache_servers.
package stacklint.rules.keystone.cache_drift

import data.stacklint.lib

_fields := ["enabled", "backend", "memcache_servers"]

_copies contains c if {
	some [_, f] in lib.files("keystone.conf")
	shown := [sprintf("%s=%s", [k, _value(f, k)]) | some k in _fields]
	c := {"v": shown, "where": sprintf("keystone.conf [cache] on %s", [f.node]), "loc": _loc(f), "pos": [f.path, 0]}
}

_value(f, k) := concat(",", sort(lib.items(lib.last(f, "cache", k).value))) if k == "memcache_servers"

else := lower(lib.last(f, "cache", k).value) if true

else := _defaults[k]

# _defaults are oslo.cache's defaults: an unset option is compared as these.
_defaults := {"enabled": "false", "backend": "dogpile.cache.null", "memcache_servers": "localhost:11211"}

_loc(f) := lib.loc(f, "cache", "enabled", lib.last(f, "cache", "enabled")) if true

else := {"path": f.path, "node": f.node, "section": "cache"}

report contains finding if {
	count(lib.files("keystone.conf")) > 1
	some [c, r] in lib.drift(_copies)
	diff := [c.v[i] | some i, x in c.v; x != r.v[i]]
	finding := {
		"message": sprintf("%s has %s, but most keystone nodes use %s (%s): revocations and cached data diverge between nodes", [c.where, concat(", ", diff), concat(", ", [r.v[i] | some i, x in c.v; x != r.v[i]]), r.where]),
		"locations": [c.loc, r.loc],
	}
}
