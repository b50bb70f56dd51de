package stacklint.rules.keystone.admin_token_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.keystone.admin_token as rule

_www := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://controller:5000"}})

_input(defaults) := fx.deployment([fx.node("ctl", [], [fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {"DEFAULT": defaults}), _www])])

test_unset if {
	r := rule.report with input as _input({})
	r == set()
}

test_set if {
	r := rule.report with input as _input({"admin_token": fx.secret("aaaaaa", 2)})
	r == {{
		"message": "keystone.conf [DEFAULT] admin_token on ctl is set (fp:aaaaaa): anyone holding it bypasses authentication; remove it after keystone-manage bootstrap",
		"locations": [{"path": "ctl/etc/keystone/keystone.conf", "node": "ctl", "line": 2, "column": 1, "section": "DEFAULT", "key": "admin_token"}],
	}}
}

_layered(main, drop_in) := fx.deployment([fx.node("ctl", [], [
	fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {"DEFAULT": main}),
	fx.file("ctl", "keystone.conf.d", "etc/keystone/keystone.conf.d/90-bootstrap.conf", {"DEFAULT": drop_in}),
	_www,
])])

# A keystone.conf.d drop-in read after keystone.conf sets the token, or
# empties the one keystone.conf sets.
test_drop_in if {
	r := rule.report with input as _layered({}, {"admin_token": fx.secret("bbbbbb", 1)})
	r == {{
		"message": "keystone.conf.d [DEFAULT] admin_token on ctl is set (fp:bbbbbb): anyone holding it bypasses authentication; remove it after keystone-manage bootstrap",
		"locations": [{"path": "ctl/etc/keystone/keystone.conf.d/90-bootstrap.conf", "node": "ctl", "line": 1, "column": 1, "section": "DEFAULT", "key": "admin_token"}],
	}}
	rule.report with input as _layered({"admin_token": fx.secret("aaaaaa", 2)}, {"admin_token": fx.secret("", 1)}) == set()
}

# The two passes: the Queens-era option on one node (cmp), admin_token on
# another (ctl); each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_split := fx.deployment([
	fx.node("ctl", [], [fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {"DEFAULT": {"admin_token": fx.secret("aaaaaa", 2)}})]),
	fx.node("cmp", [], [fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://controller:5000"}})]),
])

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split)
	count(r) == 1
	r == rule.report with input as _split
}
