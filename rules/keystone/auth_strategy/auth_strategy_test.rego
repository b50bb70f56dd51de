package stacklint.rules.keystone.auth_strategy_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.keystone.auth_strategy as rule

_input(v) := fx.deployment([fx.node("n", [], [fx.file("n", "placement.conf", "etc/placement/placement.conf", {"api": {"auth_strategy": fx.at(v, 5)}})])])

test_keystone if {
	r := rule.report with input as _input("keystone")
	r == set()
}

test_noauth if {
	r := rule.report with input as _input("noauth2")
	r == {{
		"message": "placement.conf [api] auth_strategy on n is 'noauth2': the API accepts unauthenticated requests and trusts the identity they claim",
		"locations": [{"path": "n/etc/placement/placement.conf", "node": "n", "line": 5, "column": 1, "section": "api", "key": "auth_strategy"}],
	}}
}

# The value in effect: nova.conf.d is read after nova.conf (issue 16).
_nova(main, confd) := fx.deployment([fx.node("n", [], [
	fx.file("n", "nova.conf", "etc/nova/nova.conf", {"api": {"auth_strategy": main}}),
	fx.file("n", "nova.conf.d", "etc/nova/nova.conf.d/90-debug.conf", {"api": {"auth_strategy": confd}}),
])])

test_config_dir_noauth if {
	r := rule.report with input as _nova("keystone", "noauth2")
	{f.message | some f in r} == {"nova.conf.d [api] auth_strategy on n is 'noauth2': the API accepts unauthenticated requests and trusts the identity they claim"}
}

test_config_dir_keystone if {
	r := rule.report with input as _nova("noauth2", "keystone")
	r == set()
}
