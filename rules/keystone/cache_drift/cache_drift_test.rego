package stacklint.rules.keystone.cache_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.keystone.cache_drift as rule

_k(node, cache) := fx.node(node, [], [fx.file(node, "keystone.conf", "etc/keystone/keystone.conf", {"cache": cache})])

_on := {"enabled": "true", "backend": "oslo_cache.memcache_pool", "memcache_servers": "c1:11211,c2:11211"}

test_same if {
	r := rule.report with input as fx.deployment([_k("c1", _on), _k("c2", object.union(_on, {"memcache_servers": "c2:11211, c1:11211"}))])
	r == set()
}

test_one_node_off if {
	r := rule.report with input as fx.deployment([_k("c1", _on), _k("c2", _on), _k("c3", object.union(_on, {"enabled": "false"}))])
	r == {{
		"message": "keystone.conf [cache] on c3 has enabled=false, but keystone.conf [cache] on c1 has enabled=true (keystone nodes are peers, none is the authority: compared with the majority, 2 of 3): revocations and cached data diverge between nodes",
		"locations": [
			{"path": "c3/etc/keystone/keystone.conf", "node": "c3", "line": 1, "column": 1, "section": "cache", "key": "enabled"},
			{"path": "c1/etc/keystone/keystone.conf", "node": "c1", "line": 1, "column": 1, "section": "cache", "key": "enabled"},
		],
	}}
}

# Unset options have their release's default: keystone's enabled is true
# (issue 16).
_defaults := {"zed": {"keystone.conf": {"cache": {
	"enabled": {"text": "true", "host": false},
	"backend": {"text": "dogpile.cache.null", "host": false},
	"memcache_servers": {"text": "localhost:11211", "host": false},
}}}}

_kh(node, cache) := fx.node(node, [], [object.union(fx.file(node, "keystone.conf", "etc/keystone/keystone.conf", {"cache": cache}), {"headers": [{"name": "cache", "line": 7}]})])

_rel(d) := object.union(fx.released_as(d, "zed", "2022.2", "auto"), {"defaults": _defaults})

_pool := {"backend": "oslo_cache.memcache_pool", "memcache_servers": "c1:11211"}

test_enabled_unset_caches if {
	r := rule.report with input as _rel(fx.deployment([_kh("c1", _pool), _kh("c2", object.union(_pool, {"enabled": "true"}))]))
	r == set()
}

test_enabled_unset_against_off if {
	r := rule.report with input as _rel(fx.deployment([_kh("c1", object.union(_pool, {"enabled": "false"})), _kh("c2", object.union(_pool, {"enabled": "false"})), _kh("c3", _pool)]))
	r == {{
		"message": "keystone.conf [cache] on c3 has enabled=true (not set: its default in zed), but keystone.conf [cache] on c1 has enabled=false (keystone nodes are peers, none is the authority: compared with the majority, 2 of 3): revocations and cached data diverge between nodes",
		"locations": [
			{"path": "c3/etc/keystone/keystone.conf", "node": "c3", "line": 7, "column": 1, "section": "cache", "key": "enabled"},
			{"path": "c1/etc/keystone/keystone.conf", "node": "c1", "line": 1, "column": 1, "section": "cache", "key": "enabled"},
		],
	}}
}

test_nothing_set_against_pool if {
	r := rule.report with input as _rel(fx.deployment([_kh("c1", _pool), _kh("c2", _pool), _kh("c3", {})]))
	{f.message | some f in r} == {"keystone.conf [cache] on c3 has backend=dogpile.cache.null (not set: its default in zed), memcache_servers=localhost:11211 (not set: its default in zed), but keystone.conf [cache] on c1 has backend=oslo_cache.memcache_pool, memcache_servers=c1:11211 (keystone nodes are peers, none is the authority: compared with the majority, 2 of 3): revocations and cached data diverge between nodes"}
}

# Files older than every schema: an unset enabled may be off (before
# Newton), so enabled is not compared.
test_enabled_unset_below_oldest if {
	d := fx.released_as(fx.deployment([_kh("c1", object.union(_pool, {"enabled": "false"})), _kh("c2", object.union(_pool, {"enabled": "false"})), _kh("c3", _pool)]), "stein", "2019.1", "auto")
	older := object.union(d, {"nodes": {n: object.union(node, {"files": {p: object.union(f, {"release": object.union(f.release, {"below_oldest": true})}) | some p, f in node.files}}) | some n, node in d.nodes}})
	r := rule.report with input as object.union(older, {"defaults": {"stein": _defaults.zed}})
	r == set()
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		fx.deployment([_k("c1", _on), _k("c2", _on), _k("c3", object.union(_on, {"enabled": "false"}))]),
		_rel(fx.deployment([_kh("c1", object.union(_pool, {"enabled": "false"})), _kh("c2", object.union(_pool, {"enabled": "false"})), _kh("c3", _pool)])),
		_rel(fx.deployment([_kh("c1", _pool), _kh("c2", _pool), _kh("c3", {})])),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
