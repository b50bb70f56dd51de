package stacklint.rules.keystone.admin_token_test

import data.stacklint.fixtures as fx
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
