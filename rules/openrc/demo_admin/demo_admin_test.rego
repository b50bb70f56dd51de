package stacklint.rules.openrc.demo_admin_test

import data.stacklint.rules.openrc.demo_admin as rule

_input(name, user) := {"nodes": {}, "rc": [{"path": sprintf("ctl/root/%s", [name]), "node": "ctl", "name": name, "vars": {"OS_USERNAME": {"value": user, "line": 4, "column": 8}}}]}

test_demo_user if {
	r := rule.report with input as _input("demo-openrc", "myuser")
	r == set()
	a := rule.report with input as _input("admin-openrc", "admin")
	a == set()
}

test_demo_as_admin if {
	r := rule.report with input as _input("demo-openrc", "admin")
	r == {{
		"message": "ctl/root/demo-openrc sets OS_USERNAME=admin: the demo credentials are the admin's",
		"locations": [{"path": "ctl/root/demo-openrc", "node": "ctl", "line": 4, "column": 8, "key": "OS_USERNAME"}],
	}}
}
