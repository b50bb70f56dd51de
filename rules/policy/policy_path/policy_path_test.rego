package stacklint.rules.policy.policy_path_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.policy.policy_path as rule

_entry(option, value, set, found) := {"service": "nova", "option": option, "value": value, "set": set, "resolved": sprintf("etc/nova/%s", [value]), "found": found, "path": "c/etc/nova/nova.conf", "line": 7, "column": 1}

test_policy_file_missing if {
	other := {"path": "k/etc/keystone/policy.yaml", "node": "k", "service": "keystone", "read_as": "policy_file"}
	inp := {"nodes": {"c": {"policy_settings": [_entry("policy_file", "custom.yaml", true, false), _entry("policy_dirs", "policy.d", false, false)]}}, "policies": [other]}
	r := rule.report with input as inp
	r == {{
		"message": "nova.conf [oslo_policy] policy_file = custom.yaml on c names etc/nova/custom.yaml, which is not in the snapshot: nova runs on its registered defaults",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 7, "column": 1, "section": "oslo_policy", "key": "policy_file"}],
	}}
}

# A snapshot without any policy file was collected without them: the
# missing file is an info that it could not be checked.
test_policy_file_not_collected if {
	inp := {"nodes": {"c": {"policy_settings": [_entry("policy_file", "custom.yaml", true, false)]}}, "policies": []}
	r := rule.report with input as inp
	r == {{
		"message": "nova.conf [oslo_policy] policy_file = custom.yaml on c names etc/nova/custom.yaml; the snapshot holds no policy file of any service, so whether it is there cannot be told",
		"severity": "info",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 7, "column": 1, "section": "oslo_policy", "key": "policy_file"}],
	}}
}

test_unread_file if {
	inp := json.patch(fx.policies({"policy.yaml": {"a": fx.prule(2, "role:admin", "ok", [], [])}}), [
		{"op": "replace", "path": "/policies/0/read_as", "value": ""},
		{"op": "add", "path": "/nodes/c", "value": {"policy_settings": [_entry("policy_file", "custom.yaml", true, true)]}},
	])
	some f in rule.report with input as inp
	f.message == "nova on c does not read c/etc/nova/policy.yaml (policy_file = custom.yaml): its overrides have no effect"
}

test_resolved_and_read_no_finding if {
	inp := json.patch(fx.policies({"policy.yaml": {"a": fx.prule(2, "role:admin", "ok", [], [])}}), [
		{"op": "add", "path": "/nodes/c", "value": {"policy_settings": [_entry("policy_file", "policy.yaml", false, true), _entry("policy_dirs", "policy.d", false, false)]}},
	])
	r := rule.report with input as inp
	r == set()
}

# The engine's two passes: the unresolved policy_file is on node c, the
# only policy file of the snapshot on node k (so the finding is a warning,
# not the info of a snapshot without policy files); the unread file is
# found on its own node.
test_two_passes if {
	other := {"path": "k/etc/keystone/policy.yaml", "node": "k", "service": "keystone", "read_as": "policy_file"}
	unread := json.patch(fx.policies({"policy.yaml": {"a": fx.prule(2, "role:admin", "ok", [], [])}}), [{"op": "replace", "path": "/policies/0/read_as", "value": ""}]).policies[0]
	every d in [
		{"nodes": {"c": {"policy_settings": [_entry("policy_file", "custom.yaml", true, false)]}, "k": {"policy_settings": []}}, "policies": [other]},
		{"nodes": {"c": {"policy_settings": [_entry("policy_file", "custom.yaml", true, false)]}, "k": {"policy_settings": []}}, "policies": [other, unread]},
	] {
		recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
		r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
		count(r) > 0
		r == rule.report with input as d
		every f in r {
			not f.severity
		}
	}
}
