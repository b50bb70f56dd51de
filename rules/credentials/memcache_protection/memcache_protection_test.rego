package stacklint.rules.credentials.memcache_protection_test

import data.stacklint.fixtures as fx
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
	count(r) == 1
}
