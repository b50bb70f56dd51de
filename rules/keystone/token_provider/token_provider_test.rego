package stacklint.rules.keystone.token_provider_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.keystone.token_provider as rule

_input(provider) := fx.deployment([fx.node("ctl", [], [
	fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {"token": {"provider": fx.at(provider, 8)}}),
	fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://controller:5000"}}),
])])

test_fernet if {
	r := rule.report with input as _input("fernet")
	r == set()
}

test_uuid if {
	r := rule.report with input as _input("uuid")
	r == {{
		"message": "keystone.conf [token] provider on ctl is 'uuid': Keystone supports only fernet and jws tokens since Pike",
		"locations": [{"path": "ctl/etc/keystone/keystone.conf", "node": "ctl", "line": 8, "column": 1, "section": "token", "key": "provider"}],
	}}
}

test_old_deployment_not_judged if {
	inp := fx.deployment([fx.node("ctl", [], [fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {"token": {"provider": "uuid"}})])])
	r := rule.report with input as inp
	r == set()
}

# The value in effect: keystone.conf.d is read after keystone.conf (issue 16).
_layered(main, confd) := fx.deployment([fx.node("k", [], [
	fx.file("k", "keystone.conf", "etc/keystone/keystone.conf", {"token": {"provider": main}, "keystone_authtoken": {"www_authenticate_uri": "http://k:5000"}}),
	fx.file("k", "keystone.conf.d", "etc/keystone/keystone.conf.d/token.conf", {"token": {"provider": confd}}),
])])

test_config_dir_fixes_provider if {
	r := rule.report with input as _layered("uuid", "fernet")
	r == set()
}

test_config_dir_breaks_provider if {
	r := rule.report with input as _layered("fernet", "uuid")
	{f.message | some f in r} == {"keystone.conf.d [token] provider on k is 'uuid': Keystone supports only fernet and jws tokens since Pike"}
}

# The two passes: the Queens-era option on one node, the provider on
# another; each node's records alone, the report over their union with no
# nodes, give the findings one pass gives.
_split(provider) := fx.deployment([
	fx.node("ks", [], [fx.file("ks", "keystone.conf", "etc/keystone/keystone.conf", {"token": {"provider": fx.at(provider, 8)}})]),
	fx.node("cmp", [], [fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://controller:5000"}})]),
])

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split("uuid"))
	count(r) == 1
	r == rule.report with input as _split("uuid")
	_two_pass(_split("fernet")) == set()
}
