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

_ph(token, line) := {"value": token, "line": line, "column": 1, "placeholders": [token]}

test_one_finding_per_section if {
	f := fx.file("ctl", "glance-api.conf", "etc/glance/glance-api.conf", {
		"keystone_authtoken": {"admin_user": _ph("%SERVICE_USER%", 652), "admin_tenant_name": _ph("%SERVICE_TENANT_NAME%", 651), "admin_password": _ph("%SERVICE_PASSWORD%", 653)},
		"database": {"connection": _ph("GLANCE_DBPASS", 568)},
	})
	r := rule.report with input as fx.deployment([fx.node("ctl", [], [f])])
	r == {
		{
			"message": "glance-api.conf [keystone_authtoken] on ctl still holds 3 install-guide placeholders: admin_tenant_name '%SERVICE_TENANT_NAME%', admin_user '%SERVICE_USER%', admin_password '%SERVICE_PASSWORD%'",
			"locations": [
				fx.loc(f, "keystone_authtoken", "admin_tenant_name", 651),
				fx.loc(f, "keystone_authtoken", "admin_user", 652),
				fx.loc(f, "keystone_authtoken", "admin_password", 653),
			],
		},
		{
			"message": "glance-api.conf [database] connection on ctl still holds the install-guide placeholder 'GLANCE_DBPASS'",
			"locations": [fx.loc(f, "database", "connection", 568)],
		},
	}
}
