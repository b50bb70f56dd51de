package stacklint.rules.policy.admin_broadened_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.admin_broadened as rule

_check(class, kind, match, col) := {"op": "check", "class": class, "kind": kind, "match": match, "line": 2, "column": col}

test_member_is_admin if {
	ast := {"op": "or", "line": 2, "column": 25, "children": [_check("RoleCheck", "role", "admin", 25), _check("RoleCheck", "role", "member", 39)]}
	pr := object.union(fx.prule(2, "role:admin or role:member", "ok", [], []), {"ast": ast})
	r := rule.report with input as fx.policies({"policy.json": {"context_is_admin": pr}})
	r == {{
		"message": "nova policy 'context_is_admin' in c/etc/nova/policy.json also matches role 'member': every member user is a nova admin",
		"locations": [
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 39, "key": "context_is_admin"},
			{"path": "c/etc/nova/policy.json", "node": "c", "line": 2, "column": 3, "key": "context_is_admin"},
		],
	}}
}

test_owner_is_admin if {
	pr := object.union(fx.prule(2, "project_id:%(project_id)s", "ok", [], []), {"ast": _check("GenericCheck", "project_id", "%(project_id)s", 25)})
	count(rule.report) == 1 with input as fx.policies({"policy.json": {"admin_api": pr}})
}

test_admin_roles_and_conjunctions_no_finding if {
	a := object.union(fx.prule(2, "role:admin or role:cloud-admin", "ok", [], []), {"ast": {"op": "or", "children": [_check("RoleCheck", "role", "admin", 1), _check("RoleCheck", "role", "cloud-admin", 15)]}})
	b := object.union(fx.prule(3, "role:admin and role:member", "ok", [], []), {"ast": {"op": "and", "children": [_check("RoleCheck", "role", "admin", 1), _check("RoleCheck", "role", "member", 16)]}})
	c := object.union(fx.prule(4, "role:member", "ok", [], []), {"ast": _check("RoleCheck", "role", "member", 1)})
	r := rule.report with input as fx.policies({"policy.json": {"context_is_admin": a, "admin_api": b, "os_compute_api:servers:index": c}})
	r == set()
}
