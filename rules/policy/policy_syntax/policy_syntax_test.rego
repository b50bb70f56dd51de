package stacklint.rules.policy.policy_syntax_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.policy_syntax as rule

test_syntax_error_denies_everyone if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "role:admin and", "syntax_error", [], [])}})
	r := rule.report with input as inp
	r == {{
		"message": "nova policy 'a' in c/etc/nova/policy.json cannot be parsed ('role:admin and'): oslo.policy replaces the whole rule by '!' and denies everyone",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "a"}],
	}}
}

test_bad_atom if {
	pr := object.union(fx.prule(2, "role or role:admin", "check_error", [], []), {"messages": ["Failed to understand rule role"], "str": "(! or role:admin)"})
	r := rule.report with input as fx.policies({"policy.json": {"a": pr}})
	some f in r
	contains(f.message, "'role' is not a kind:match check")
}

test_typo_kind_and_is_admin if {
	c1 := object.union(fx.pcheck("rloe", "admin"), {"near": "role"})
	c2 := fx.pcheck("is_admin", "true")
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "rloe:admin or is_admin:true", "ok", [c1, c2], [])}})
	r := rule.report with input as inp
	count(r) == 2
	some f in r
	contains(f.message, "did you mean role:admin?")
}

test_unloadable_value if {
	pr := object.union(fx.prule(2, "", "exception", [], []), {"kind": "other", "messages": ["TypeError: 'bool' object is not iterable"]})
	r := rule.report with input as fx.policies({"policy.json": {"a": pr}})
	count(r) == 1
}

test_valid_rules_no_finding if {
	checks := [fx.pcheck("is_admin", "True"), fx.pcheck("project_id", "%(project_id)s"), fx.pcheck("is_admin", "%(x)s"), fx.pcheck("is_admin", "1")]
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "is_admin:True or project_id:%(project_id)s", "ok", checks, [])}})
	r := rule.report with input as inp
	r == set()
}

test_unread_file_is_left_to_sl_pol_008 if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "role:admin and", "syntax_error", [], [])}})
	r := rule.report with input as json.patch(inp, [{"op": "replace", "path": "/policies/0/read_as", "value": ""}])
	r == set()
}

test_mapping_value if {
	pr := object.union(fx.prule(2, "", "syntax_error", [], []), {"kind": "other"})
	some f in rule.report with input as fx.policies({"policy.yaml": {"a": pr}})
	contains(f.message, "cannot be parsed (a mapping, not a check string)")
}
