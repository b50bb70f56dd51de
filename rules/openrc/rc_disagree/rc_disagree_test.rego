package stacklint.rules.openrc.rc_disagree_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.openrc.rc_disagree as rule

_rc(path, fp, project) := {"path": path, "node": "", "vars": {
	"OS_USERNAME": {"value": "admin", "line": 1, "column": 8},
	"OS_PASSWORD": {"value": "fp", "fp": fp, "secret": true, "line": 2, "column": 8},
	"OS_PROJECT_NAME": {"value": project, "line": 3, "column": 8},
}}

_d(rcs) := object.union(fx.deployment([]), {"rc": rcs})

test_agree if {
	r := rule.report with input as _d([_rc("admin-openrc", "aaa", "admin"), _rc("keystonerc_admin", "aaa", "admin")])
	r == set()
}

test_password_differs if {
	r := rule.report with input as _d([_rc("admin-openrc", "aaa", "admin"), _rc("keystonerc_admin", "bbb", "admin")])
	r == {{
		"message": "keystonerc_admin OS_PASSWORD is fp:bbb, but admin-openrc OS_PASSWORD is fp:aaa for the same user 'admin' (the password Keystone holds is not in a snapshot: compared with the first by path, as no two agree, 1 of 2): the rc files do not log in the same way",
		"locations": [
			{"path": "keystonerc_admin", "node": "", "line": 2, "column": 8, "key": "OS_PASSWORD"},
			{"path": "admin-openrc", "node": "", "line": 2, "column": 8, "key": "OS_PASSWORD"},
		],
	}}
}
