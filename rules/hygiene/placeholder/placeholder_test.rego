package stacklint.rules.hygiene.placeholder_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.placeholder as rule

_lb(mapping) := fx.file("cmp", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"linux_bridge": {"physical_interface_mappings": mapping}})

test_real_values if {
	r := rule.report with input as fx.deployment([fx.node("cmp", [], [_lb(fx.at("provider:eth1", 2))])])
	r == set()
}

test_interface_placeholder if {
	f := _lb({"value": "provider:PROVIDER_INTERFACE_NAME", "line": 2, "column": 1, "placeholders": ["PROVIDER_INTERFACE_NAME"]})
	r := rule.report with input as fx.deployment([fx.node("cmp", [], [f])])
	r == {{
		"message": "linuxbridge_agent.ini [linux_bridge] physical_interface_mappings on cmp still holds the install-guide placeholder 'PROVIDER_INTERFACE_NAME'",
		"locations": [fx.loc(f, "linux_bridge", "physical_interface_mappings", 2)],
	}}
}

test_rc_variable if {
	rc := {"path": "ctl/root/admin-openrc", "node": "ctl", "vars": {
		"OS_AUTH_URL": {"value": "http://CONTROLLER_PASS:5000/v3", "line": 7, "column": 8, "placeholders": ["CONTROLLER_PASS"]},
		"OS_PASSWORD": {"value": "ADMIN_PASS", "line": 5, "column": 8, "placeholders": ["ADMIN_PASS"]},
	}}
	r := rule.report with input as object.union(fx.deployment([]), {"rc": [rc]})
	r == {{
		"message": "ctl/root/admin-openrc sets OS_AUTH_URL to the install-guide placeholder 'CONTROLLER_PASS'",
		"locations": [{"path": "ctl/root/admin-openrc", "node": "ctl", "line": 7, "column": 8, "key": "OS_AUTH_URL"}],
	}}
}
