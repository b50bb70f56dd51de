# METADATA
# title: Keystone nodes cache differently
# description: |
#   Keystone caches tokens, revocations, roles and catalog data through
#   oslo.cache ([cache] enabled, backend, memcache_servers). Nodes behind
#   one endpoint must share one cache: a node with caching off, another
#   backend (a process-local dogpile.cache.memory) or other servers keeps
#   answers its peers already invalidated, so a revoked token or a removed
#   role still works on that node until its cache expires.
#   Each node's values are those in effect across keystone's files
#   (keystone-dist.conf, keystone.conf, keystone.conf.d); an unset option
#   has its release's default: keystone turns [cache] enabled on by
#   default since Newton (backend dogpile.cache.null). In files older than
#   every schema an unset enabled may be either (off before Newton), so
#   then only backend and memcache_servers are compared. The keystone
#   nodes are peers: no copy is the authority, so each differing node is
#   compared with the value most of them hold (on a tie, the first by
#   path), and the message says which.
# custom:
#   id: SL-KS-006
#   scope: aggregate
#   severity: warning
#   inputs: [keystone.conf]
#   defaults:
#     - [keystone.conf, cache, enabled]
#     - [keystone.conf, cache, backend]
#     - [keystone.conf, cache, memcache_servers]
#   remediation: |
#     Give every keystone node the same [cache] enabled, backend and
#     memcache_servers.
package stacklint.rules.keystone.cache_drift

import data.stacklint.lib
import data.stacklint.lib.settings

_all := ["enabled", "backend", "memcache_servers"]

# aggregate: each keystone node's three settings ({"node": {name, older,
# v, shown, locs: field → value compared, as shown, location}, pos});
# older: enabled is an unset default of a file older than every schema.
# The report picks the fields compared (enabled only when no node's is
# older) and compares the nodes.
aggregate contains {"node": {
	"name": name, "older": _older_default(ss.enabled),
	"v": {k: _value(k, ss[k]) | some k in _all},
	"shown": {k: _shown(k, ss[k]) | some k in _all},
	"locs": {k: settings.at(ss[k], "cache", k) | some k in _all},
	"pos": [ss.enabled.file.path, 0],
}} if {
	some [name, ss] in _settings
}

# _settings is [node, {field: setting}] for every keystone node whose
# three settings are known (written, or a default of its release).
_settings := [[name, ss] |
	some [name, _] in lib.files("keystone.conf")
	ss := {k: s | some k in _all; s := lib.setting(input.nodes[name], ["keystone.conf"], "cache", k)}
	count(ss) == count(_all)
]

# _older_default: keystone's default of enabled changed in Newton (false
# before), so the oldest schema's is not an older file's.
_older_default(s) if {
	not s.written
	s.file.release.below_oldest
}

default _older_default(_) := false

# The fleet's view, from the records.
_nodes := {r.node | some r in aggregate; r.node}

# _fields are the fields compared: enabled only when every node's is known.
_fields := ["backend", "memcache_servers"] if {
	some n in _nodes
	n.older
} else := _all

_copies contains c if {
	some n in _nodes
	c := {
		"v": [n.v[k] | some k in _fields],
		"shown": [n.shown[k] | some k in _fields],
		"locs": [n.locs[k] | some k in _fields],
		"where": sprintf("keystone.conf [cache] on %s", [n.name]), "pos": n.pos,
	}
}

_value("memcache_servers", s) := concat(",", sort(lib.items(s.value)))

_value(k, s) := lower(trim_space(s.value)) if k != "memcache_servers"

_shown(k, s) := sprintf("%s=%s", [k, s.value]) if s.written

else := sprintf("%s=%s (not set: its default in %s)", [k, settings.shown(s.value), s.release])

report contains finding if {
	count(_nodes) > 1
	some [c, r] in lib.drift(_copies)
	diff := [i | some i, x in c.v; x != r.v[i]]
	finding := {
		"message": sprintf("%s has %s, but %s has %s (keystone nodes are peers, none is the authority: %s): revocations and cached data diverge between nodes", [c.where, concat(", ", [c.shown[i] | some i in diff]), r.where, concat(", ", [r.shown[i] | some i in diff]), lib.compared(_copies, r.v)]),
		"locations": [c.locs[diff[0]], r.locs[diff[0]]],
	}
}
