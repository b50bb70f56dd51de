package stacklint.rules.policy.json_policy_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.json_policy as rule

_setting(found) := {"service": "nova", "option": "policy_file", "value": "policy.yaml", "set": false, "resolved": "etc/nova/policy.yaml", "found": found, "path": "c/etc/nova/nova.conf"}

_unread(found) := json.patch(fx.policies({"policy.json": {"a": fx.prule(2, "role:admin", "ok", [], [])}}), [
	{"op": "replace", "path": "/policies/0/read_as", "value": ""},
	{"op": "add", "path": "/nodes/c", "value": {"policy_settings": [_setting(found)]}},
	{"op": "add", "path": "/release", "value": {"name": "2026.2"}},
])

test_read_json_is_info if {
	r := rule.report with input as fx.policies({"policy.json": {"a": fx.prule(2, "role:admin", "ok", [], [])}})
	r == {{
		"message": "nova reads c/etc/nova/policy.json, a JSON policy file: JSON policy files are deprecated since oslo.policy 3.4.0 and read as YAML only from 5.0.0; convert it to policy.yaml",
		"locations": [{"path": "c/etc/nova/policy.json", "node": "c", "line": 1, "column": 1}],
		"severity": "info",
	}}
}

test_no_fallback_ignored if {
	some f in rule.report with input as _unread(false)
	f.message == "nova on c does not read c/etc/nova/policy.json: policy_file is unset, so it is policy.yaml, and 2026.2's oslo.policy no longer falls back to policy.json; its one override is ignored"
	not f.severity
}

test_yaml_beside_it if {
	some f in rule.report with input as _unread(true)
	contains(f.message, "etc/nova/policy.yaml exists, which oslo.policy reads instead")
}

test_yaml_file_no_finding if {
	inp := json.patch(fx.policies({"policy.yaml": {"a": fx.prule(2, "role:admin", "ok", [], [])}}), [{"op": "replace", "path": "/policies/0/loader", "value": "yaml"}])
	r := rule.report with input as inp
	r == set()
}
