package stacklint.rules.policy.duplicate_policy_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.duplicate_policy as rule

test_defined_twice if {
	pr := object.union(fx.prule(5, "role:admin", "ok", [], []), {"lines": [2, 5]})
	r := rule.report with input as fx.policies({"policy.json": {"a": pr}})
	r == {{
		"message": "nova policy 'a' in c/etc/nova/policy.json is defined 2 times (lines 2, 5); only the last, line 5, counts",
		"locations": [
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "key": "a"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 5, "column": 3, "key": "a"},
		],
	}}
}

test_once_no_finding if {
	r := rule.report with input as fx.policies({"policy.json": {"a": fx.prule(2, "role:admin", "ok", [], [])}})
	r == set()
}
