package stacklint.rules.openrc.v3_incomplete_test

import data.stacklint.rules.openrc.v3_incomplete as rule

_v(value, line) := {"value": value, "line": line, "column": 8, "exported": true}

_input(vars) := {"nodes": {}, "rc": [{"path": "ctl/root/admin-openrc", "node": "ctl", "vars": vars}]}

_base := {"OS_USERNAME": _v("admin", 1), "OS_AUTH_URL": _v("http://controller:5000/v3", 6)}

test_complete if {
	r := rule.report with input as _input(object.union(_base, {"OS_USER_DOMAIN_NAME": _v("Default", 2), "OS_PROJECT_DOMAIN_NAME": _v("Default", 3), "OS_PROJECT_NAME": _v("admin", 4)}))
	r == set()
}

test_v2_file_not_judged if {
	r := rule.report with input as _input({"OS_USERNAME": _v("admin", 1), "OS_TENANT_NAME": _v("admin", 2), "OS_AUTH_URL": _v("http://controller:35357/v2.0", 3)})
	r == set()
}

test_tenant_name_with_v3 if {
	r := rule.report with input as _input(object.union(_base, {"OS_TENANT_NAME": _v("admin", 2)}))
	r == {{
		"message": "ctl/root/admin-openrc uses Identity v3 but sets no user domain, no project domain, no project: commands fail with 'Expecting to find domain'",
		"locations": [{"path": "ctl/root/admin-openrc", "node": "ctl", "line": 6, "column": 8, "key": "OS_AUTH_URL"}],
	}}
}
