package stacklint.rules.openrc.token_leftovers_test

import data.stacklint.rules.openrc.token_leftovers as rule

_input(vars) := {"nodes": {}, "rc": [{"path": "ctl/root/admin-openrc", "node": "ctl", "vars": vars}]}

_v(value, line) := {"value": value, "line": line, "column": 8, "exported": true}

test_password_only if {
	r := rule.report with input as _input({"OS_USERNAME": _v("admin", 1), "OS_PASSWORD": _v("fp:aaaaaa", 2)})
	r == set()
}

test_service_token if {
	r := rule.report with input as _input({"OS_USERNAME": _v("admin", 1), "OS_SERVICE_TOKEN": _v("fp:bbbbbb", 3)})
	r == {{
		"message": "ctl/root/admin-openrc sets OS_SERVICE_TOKEN: token authentication overrides the password credentials of this file",
		"locations": [{"path": "ctl/root/admin-openrc", "node": "ctl", "line": 3, "column": 8, "key": "OS_SERVICE_TOKEN"}],
	}}
}
