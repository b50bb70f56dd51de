package stacklint.rules.keystone.domain_id_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.keystone.domain_id as rule

_f(v) := fx.file("c", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"user_domain_id": v, "project_domain_name": "Default"}})

test_id if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_f("default")])])
	r == set()
}

test_name_as_id if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_f("Default")])])
	r == {{
		"message": "nova.conf [keystone_authtoken] user_domain_id on c is 'Default', a name: the default domain's id is 'default', so authentication fails with 401",
		"locations": [fx.loc(_f(""), "keystone_authtoken", "user_domain_id", 1)],
	}}
}

test_rc if {
	rc := {"path": "admin-openrc", "node": "", "vars": {"OS_USER_DOMAIN_ID": {"value": "Default", "line": 3, "column": 8}}}
	r := rule.report with input as object.union(fx.deployment([]), {"rc": [rc]})
	count(r) == 1
}
