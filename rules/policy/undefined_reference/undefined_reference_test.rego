package stacklint.rules.policy.undefined_reference_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.undefined_reference as rule

_ref(name, defined, negated) := {"name": name, "defined": defined, "negated": negated, "line": 2, "column": 20}

test_undefined_under_not_allows if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "role:admin or not rule:nope", "ok", [], [_ref("nope", "", true)])}})
	r := rule.report with input as inp
	r == {{
		"message": "nova policy 'a' in c/etc/nova/policy.json refers to rule 'nope', which neither the policy files nor nova's defaults define: 'not rule:nope' is True, so this part allows everyone (oslo.policy does not warn about references under 'not')",
		"locations": [
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 20, "key": "a"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "a"},
		],
	}}
}

test_undefined_denies if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "rule:nope", "ok", [], [_ref("nope", "", false)])}})
	some f in rule.report with input as inp
	f.message == "nova policy 'a' in c/etc/nova/policy.json refers to rule 'nope', which neither the policy files nor nova's defaults define: the check is False, so this part denies everyone"
}

test_defined_no_finding if {
	refs := [_ref("admin_api", "registered", false), _ref("b", "file", true)]
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "rule:admin_api or not rule:b", "ok", [], refs)}})
	r := rule.report with input as inp
	r == set()
}
