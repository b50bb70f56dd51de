package stacklint.rules.policy.unregistered_policy_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.unregistered_policy as rule

_with(reg) := object.union(fx.prule(2, "role:admin", "ok", [], []), {"registered": reg})

test_typo_with_suggestion if {
	pr := _with({"status": "unknown", "release": "zed", "suggestion": "os_compute_api:servers:create"})
	r := rule.report with input as fx.policies({"policy.json": {"os_compute_api:servers:craete": pr}})
	r == {{
		"message": "nova policy 'os_compute_api:servers:craete' in c/etc/nova/policy.json is not a policy nova registers in zed (did you mean 'os_compute_api:servers:create'?): the override is silently ignored",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "os_compute_api:servers:craete"}],
	}}
}

test_renamed_is_info if {
	pr := _with({"status": "deprecated", "release": "zed", "renamed_to": ["os_compute_api:limits:other_project"]})
	some f in rule.report with input as fx.policies({"policy.json": {"os_compute_api:os-used-limits": pr}})
	f.severity == "info"
}

test_alias_and_registered_no_finding if {
	alias := _with({"status": "unknown", "release": "zed"})
	user := object.union(_with({"status": "registered", "release": "zed"}), {"refs": [{"name": "my_admin", "defined": "file", "negated": false, "line": 3, "column": 9}]})
	r := rule.report with input as fx.policies({"policy.json": {"my_admin": alias, "context_is_admin": user}})
	r == set()
}
