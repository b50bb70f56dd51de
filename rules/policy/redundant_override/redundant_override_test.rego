package stacklint.rules.policy.redundant_override_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.redundant_override as rule

_reg(same, dep) := {"status": "registered", "release": "zed", "default": "role:admin", "same_as_default": same, "has_deprecated": dep}

_inp(reg) := fx.policies({"policy.yaml": {"context_is_admin": object.union(fx.prule(2, "role:admin", "ok", [], []), {"registered": reg})}})

test_same_as_default if {
	r := rule.report with input as _inp(_reg(true, false))
	r == {{
		"message": "nova policy 'context_is_admin' in c/etc/nova/policy.yaml repeats nova's default in zed ('role:admin'): delete it so that future changes of the default apply",
		"locations": [{"path": "c/etc/nova/policy.yaml", "node": "c", "line": 2, "column": 3, "key": "context_is_admin"}],
	}}
}

test_deprecated_default_with_new_defaults if {
	conf := fx.file("c", "nova.conf", "etc/nova/nova.conf", {"oslo_policy": {"enforce_new_defaults": "True"}})
	inp := json.patch(_inp(_reg(true, true)), [{"op": "add", "path": "/nodes/c", "value": fx.node("c", [], [conf])}])
	count(rule.report) == 1 with input as inp with data.stacklint.lib.policy.config as {"nova": "c/etc/nova/nova.conf"}
}

test_different_or_deprecated_no_finding if {
	r1 := rule.report with input as _inp(_reg(false, false))
	r2 := rule.report with input as _inp(_reg(true, true))
	r1 == set()
	r2 == set()
}
