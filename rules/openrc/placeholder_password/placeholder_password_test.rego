package stacklint.rules.openrc.placeholder_password_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.openrc.placeholder_password as rule

_input(v) := object.union(fx.deployment([]), {"rc": [{"path": "ctl/root/admin-openrc", "node": "ctl", "vars": {"OS_PASSWORD": v}}]})

test_real_password if {
	r := rule.report with input as _input({"value": "fp:aaaaaa", "fp": "aaaaaa", "empty": false, "line": 5, "column": 8})
	r == set()
}

test_placeholder if {
	r := rule.report with input as _input({"value": "fp:aaaaaa", "fp": "aaaaaa", "empty": false, "line": 5, "column": 8, "placeholders": ["ADMIN_PASS"]})
	r == {{
		"message": "ctl/root/admin-openrc sets OS_PASSWORD to the install-guide placeholder 'ADMIN_PASS': the password is public or wrong",
		"locations": [{"path": "ctl/root/admin-openrc", "node": "ctl", "line": 5, "column": 8, "key": "OS_PASSWORD"}],
	}}
}

test_empty if {
	r := rule.report with input as _input({"value": "", "fp": "", "empty": true, "dynamic": false, "line": 5, "column": 8})
	count(r) == 1
}
