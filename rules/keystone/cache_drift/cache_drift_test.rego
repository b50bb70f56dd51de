package stacklint.rules.keystone.cache_drift_test

import data.stacklint.fixtures as fx
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
		"message": "keystone.conf [cache] on c3 has enabled=false, but most keystone nodes use enabled=true (keystone.conf [cache] on c1): revocations and cached data diverge between nodes",
		"locations": [
			{"path": "c3/etc/keystone/keystone.conf", "node": "c3", "line": 1, "column": 1, "section": "cache", "key": "enabled"},
			{"path": "c1/etc/keystone/keystone.conf", "node": "c1", "line": 1, "column": 1, "section": "cache", "key": "enabled"},
		],
	}}
}
