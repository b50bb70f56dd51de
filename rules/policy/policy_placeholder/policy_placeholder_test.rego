package stacklint.rules.policy.policy_placeholder_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.policy_placeholder as rule

test_cloudsample_placeholder if {
	checks := [fx.pcheck("is_admin_project", "True"), fx.pcheck("domain_id", "admin_domain_id")]
	inp := fx.policies({"policy.json": {"cloud_admin": fx.prule(2, "role:admin and (is_admin_project:True or domain_id:admin_domain_id)", "ok", checks, [])}})
	r := rule.report with input as inp
	r == {{
		"message": "nova policy 'cloud_admin' in c/etc/nova/policy.json compares domain_id with the placeholder 'admin_domain_id', which no real id equals: this check never matches",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 10, "key": "cloud_admin"}],
	}}
}

test_capital_placeholder if {
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "project_id:ADMIN_PROJECT_ID", "ok", [fx.pcheck("project_id", "ADMIN_PROJECT_ID")], [])}})
	count(rule.report) == 1 with input as inp
}

test_real_ids_no_finding if {
	checks := [fx.pcheck("domain_id", "8a5e1b7c0f2d4e3aa1b2c3d4e5f60718"), fx.pcheck("project_id", "%(project_id)s"), fx.pcheck("is_admin", "True")]
	inp := fx.policies({"policy.json": {"a": fx.prule(2, "x", "ok", checks, [])}})
	r := rule.report with input as inp
	r == set()
}
