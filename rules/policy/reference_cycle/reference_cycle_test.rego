package stacklint.rules.policy.reference_cycle_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.reference_cycle as rule

_def(line) := {"str": "x", "path": "c/etc/nova/policy.json", "line": line, "column": 3}

_node(cycles) := object.union(fx.node("c", ["nova-api"], []), {
	"policy_cycles": cycles,
	"policies_in_force": {"nova": {"c": _def(2), "d": _def(3), "e": _def(4), "f": _def(5)}},
})

test_cycle_of_three if {
	r := rule.report with input as {"nodes": {"c": _node([{"service": "nova", "members": ["c", "d", "e"]}])}}
	r == {{
		"message": "nova policies c → d → e → c form a reference cycle on c: every check that reaches them fails with an error",
		"locations": [
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "c"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 3, "column": 3, "key": "d"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 4, "column": 3, "key": "e"},
		],
	}}
}

test_no_cycle_no_finding if {
	r := rule.report with input as {"nodes": {"c": _node([])}}
	r == set()
}
