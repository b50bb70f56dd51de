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
