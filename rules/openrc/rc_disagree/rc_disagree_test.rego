package stacklint.rules.openrc.rc_disagree_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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

_on(rc, node) := object.union(rc, {"path": sprintf("%s/%s", [node, rc.path]), "node": node})

# The engine's two passes: admin's rc files are on nodes a, b and c (two
# agree); each part alone holds one copy and gives no finding. The report
# reads the records only (not input.rc, which the fleet pass also holds).
test_two_passes if {
	d := object.union(fx.deployment([fx.node("a", [], []), fx.node("b", [], []), fx.node("c", [], [])]), {"rc": [
		_on(_rc("admin-openrc", "aaa", "admin"), "a"),
		_on(_rc("admin-openrc", "aaa", "admin"), "b"),
		_on(_rc("keystonerc_admin", "bbb", "admin"), "c"),
	]})
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as object.remove(passes.fleet(d), ["rc"]) with rule.aggregate as recs
	count(r) == 1
	r == rule.report with input as d
	some f in r
	contains(f.message, "compared with the majority, 2 of 3")
}
