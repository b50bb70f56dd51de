package stacklint.rules.policy.allow_all_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.allow_all as rule

test_empty_context_is_admin if {
	r := rule.report with input as fx.policies({"policy.json": {"context_is_admin": fx.prule(2, "", "ok", [], [])}})
	r == {{
		"message": "nova policy 'context_is_admin' in c/etc/nova/policy.json is '', which allows everyone: any authenticated user passes this check, which guards an admin-level or sensitive API",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "context_is_admin"}],
	}}
}

test_or_at_on_admin_default if {
	pr := object.union(fx.prule(2, "role:admin or @", "ok", [], []), {"allows_all": true, "registered": {"status": "registered", "default": "rule:context_is_admin"}})
	count(rule.report) == 1 with input as fx.policies({"policy.json": {"os_compute_api:os-instance-actions:events": pr}})
}

test_null_on_identity if {
	pr := object.union(fx.prule(2, "", "ok", [], []), {"kind": "null"})
	some f in rule.report with input as fx.policies({"policy.yaml": {"identity:create_user": pr}})
	contains(f.message, "is null")
}

test_project_api_and_admin_check_no_finding if {
	project := object.union(fx.prule(2, "", "ok", [], []), {"registered": {"status": "registered", "default": "rule:project_member_api"}})
	admin := fx.prule(3, "role:admin", "ok", [], [])
	r := rule.report with input as fx.policies({"policy.json": {"os_compute_api:servers:index": project, "context_is_admin": admin}})
	r == set()
}

test_open_by_default_no_finding if {
	pr := object.union(fx.prule(2, "", "ok", [], []), {"registered": {"status": "registered", "default": ""}})
	r := rule.report with input as fx.policies({"policy.yaml": {"identity:get_region": pr}})
	r == set()
}

test_discoverable_and_open_in_a_known_release_no_finding if {
	disc := fx.prule(2, "@", "ok", [], [])
	open := object.union(fx.prule(3, "", "ok", [], []), {"default_allows_all": true})
	r := rule.report with input as fx.policies({"policy.json": {"os_compute_api:os-hypervisors:discoverable": disc, "identity:list_regions": open}})
	r == set()
}

# A stock value of an old release's policy.json: an error noting it when
# the service is checked against a known release, an info when its files
# are older than every schema (it was their release's upstream default).
test_stock_value if {
	pr := object.union(fx.prule(2, "", "ok", [], []), {"stock": ["icehouse", "juno", "ocata"]})
	d := fx.policies({"policy.json": {"identity:list_trusts": pr}})
	r := rule.report with input as d
	r == {{
		"message": "nova policy 'identity:list_trusts' in c/etc/nova/policy.json is '', which allows everyone: any authenticated user passes this check, which guards an admin-level or sensitive API (the stock value of policy.json up to ocata, which later releases changed)",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "identity:list_trusts"}],
	}}
	older := object.union(d, {"nodes": {"c": {"releases": {"nova": {"name": "victoria", "below_oldest": true}}}}})
	o := rule.report with input as older
	o == {{
		"message": "nova policy 'identity:list_trusts' in c/etc/nova/policy.json is '', the stock value of nova's policy.json up to ocata; later releases require more: it still allows everyone, review it before or when upgrading",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "identity:list_trusts"}],
		"severity": "info",
	}}
}
