package stacklint.rules.credentials.weak_secret_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.weak_secret as rule

_nova(pw) := fx.file("c", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": pw}})

_glance(pw) := fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", {"keystone_authtoken": {"username": "glance", "password": pw}})

test_distinct if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova(fx.secret("aaa", 3)), _glance(fx.secret("bbb", 3))])])
	r == set()
}

test_weak if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova(object.union(fx.secret("aaa", 3), {"weak": true}))])])
	r == {{
		"message": "nova.conf on c holds a trivial password anyone can guess in [keystone_authtoken] password",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "password"}],
	}}
}

test_shared if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova(fx.secret("aaa", 3)), _glance(fx.secret("aaa", 4))])])
	r == {{
		"message": "one password (fp:aaa) is shared by Keystone user 'glance', Keystone user 'nova': a leak of one opens all, and rotating one breaks the others",
		"locations": [
			{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 4, "column": 1, "section": "keystone_authtoken", "key": "password"},
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "password"},
		],
	}}
}
