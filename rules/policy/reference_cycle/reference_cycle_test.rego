package stacklint.rules.policy.reference_cycle_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.reference_cycle as rule

_ref(name) := {"name": name, "defined": "file", "negated": false, "line": 2, "column": 20}

test_cycle_of_three if {
	inp := fx.policies({"policy.json": {
		"c": fx.prule(2, "rule:d", "ok", [], [_ref("d")]),
		"d": fx.prule(3, "rule:e", "ok", [], [_ref("e")]),
		"e": fx.prule(4, "role:x or rule:c", "ok", [], [_ref("c")]),
		"f": fx.prule(5, "rule:c", "ok", [], [_ref("c")]),
	}})
	r := rule.report with input as inp
	r == {{
		"message": "nova policies c → d → e → c form a reference cycle on c: every check that reaches them fails with an error",
		"locations": [
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "c"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 3, "column": 3, "key": "d"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 4, "column": 3, "key": "e"},
		],
	}}
}

test_self_reference if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "rule:a", "ok", [], [_ref("a")])}})
	count(rule.report) == 1 with input as inp
}

test_chain_no_finding if {
	inp := fx.policies({"policy.json": {
		"c": fx.prule(2, "rule:d", "ok", [], [_ref("d")]),
		"d": fx.prule(3, "role:x", "ok", [], []),
	}})
	r := rule.report with input as inp
	r == set()
}
