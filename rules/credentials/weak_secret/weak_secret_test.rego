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
		"message": "a trivial password anyone can guess (fp:aaa) is set in one place: nova.conf [keystone_authtoken] password on c",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 3, "column": 1, "section": "keystone_authtoken", "key": "password"}],
	}}
}

# One trivial password in many files of many nodes is one finding, its
# places related; another trivial password is another finding.
_weak(fp, line) := object.union(fx.secret(fp, line), {"weak": true})

test_weak_grouped if {
	d := fx.deployment([
		fx.node("c", [], [_nova(_weak("aaa", 3)), _glance(_weak("aaa", 4))]),
		fx.node("d", [], [fx.file("d", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": _weak("aaa", 5)}})]),
		fx.node("e", [], [fx.file("e", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": _weak("bbb", 5)}})]),
	])
	r := rule.report with input as d
	count(r) == 2
	some f in r
	f.message == "a trivial password anyone can guess (fp:aaa) is set in 3 places on 2 nodes: glance-api.conf [keystone_authtoken] password on c, nova.conf [keystone_authtoken] password on c, nova.conf [keystone_authtoken] password on d"
	[l.path | some l in f.locations] == ["c/etc/glance/glance-api.conf", "c/etc/nova/nova.conf", "d/etc/nova/nova.conf"]
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
