package stacklint.rules.credentials.memcache_protection_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.memcache_protection as rule

_nova(name, ka) := fx.node(name, [], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": ka})])

test_strategy_with_key if {
	r := rule.report with input as fx.deployment([
		_nova("c1", {"memcache_security_strategy": "ENCRYPT", "memcache_secret_key": fx.secret("k1", 2)}),
		_nova("c2", {"memcache_security_strategy": "ENCRYPT", "memcache_secret_key": fx.secret("k1", 2)}),
	])
	r == set()
}

test_no_key if {
	r := rule.report with input as fx.deployment([_nova("c1", {"memcache_security_strategy": "mac"})])
	r == {{
		"message": "nova.conf [keystone_authtoken] memcache_security_strategy on c1 is mac, but memcache_secret_key is not set: the service does not start (ConfigurationError)",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "keystone_authtoken", "key": "memcache_security_strategy"}],
	}}
}

test_key_drift if {
	r := rule.report with input as fx.deployment([
		_nova("c1", {"memcache_secret_key": fx.secret("k1", 2)}),
		_nova("c2", {"memcache_secret_key": fx.secret("k1", 2)}),
		_nova("c3", {"memcache_secret_key": fx.secret("k2", 2)}),
	])
	r == {{
		"message": "nova.conf [keystone_authtoken] memcache_secret_key on c3 (fp:k2) differs from nova.conf [keystone_authtoken] memcache_secret_key on c1 (fp:k1; the nodes of a service are peers, none is the authority: compared with the majority, 2 of 3): nodes of one service cannot read each other's cached tokens",
		"locations": [fx.loc(fx.file("c3", "nova.conf", "etc/nova/nova.conf", {}), "keystone_authtoken", "memcache_secret_key", 2), fx.loc(fx.file("c1", "nova.conf", "etc/nova/nova.conf", {}), "keystone_authtoken", "memcache_secret_key", 2)],
	}}
}

# A nova.conf.d drop-in nova-api loads after nova.conf holds the key: no
# finding; a drop-in that switches the strategy on without a key: one,
# at the drop-in.
_layered(main, drop_in) := fx.deployment([object.union(fx.node("c1", ["nova-api"], [
	fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": main}),
	fx.file("c1", "nova.conf.d", "etc/nova/nova.conf.d/90-cache.conf", {"keystone_authtoken": drop_in}),
]), {"processes": {"nova-api": {"files": ["c1/etc/nova/nova.conf", "c1/etc/nova/nova.conf.d/90-cache.conf"]}}})])

test_key_in_drop_in if {
	r := rule.report with input as _layered({"memcache_security_strategy": "ENCRYPT"}, {"memcache_secret_key": fx.secret("k1", 2)})
	r == set()
}

test_strategy_in_drop_in if {
	r := rule.report with input as _layered({"memcached_servers": "c1:11211"}, {"memcache_security_strategy": "MAC"})
	r == {{
		"message": "nova.conf.d [keystone_authtoken] memcache_security_strategy on c1 is MAC, but memcache_secret_key is not set: the service does not start (ConfigurationError)",
		"locations": [{"path": "c1/etc/nova/nova.conf.d/90-cache.conf", "node": "c1", "line": 1, "column": 1, "section": "keystone_authtoken", "key": "memcache_security_strategy"}],
	}}
}

test_drop_in_turns_off if {
	r := rule.report with input as _layered({"memcache_security_strategy": "MAC"}, {"memcache_security_strategy": "None"})
	r == set()
}

# Each node is a part of its own: c3's key differs from the one c1 and c2
# hold, and c4 has a strategy without a key.
test_two_passes if {
	d := fx.deployment([
		_nova("c1", {"memcache_security_strategy": "MAC", "memcache_secret_key": fx.secret("k1", 2)}),
		_nova("c2", {"memcache_security_strategy": "MAC", "memcache_secret_key": fx.secret("k1", 2)}),
		_nova("c3", {"memcache_security_strategy": "MAC", "memcache_secret_key": fx.secret("k2", 2)}),
		_nova("c4", {"memcache_security_strategy": "MAC"}),
	])
	whole := rule.report with input as d
	count(whole) == 2
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p

# sos masks memcache_secret_key: it is set, its value unknown.
test_masked_key_is_set if {
	masked := {"value": "*********", "line": 2, "column": 1, "secret": true, "masked": true}
	r := rule.report with input as fx.deployment([_nova("c1", {"memcache_security_strategy": "ENCRYPT", "memcache_secret_key": masked})])
	r == set()
}
