package stacklint.rules.glance.unified_limits_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.unified_limits as rule

_g(sections) := fx.deployment([fx.node("c", [], [fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", sections)])])

test_complete if {
	r := rule.report with input as _g({
		"DEFAULT": {"use_keystone_limits": "True"},
		"oslo_limit": {"auth_url": "http://c:5000", "username": "glance", "password": fx.secret("a", 1), "endpoint_id": "e1"},
	})
	r == set()
}

test_off if {
	r := rule.report with input as _g({"DEFAULT": {"use_keystone_limits": "false"}})
	r == set()
}

test_incomplete if {
	r := rule.report with input as _g({"DEFAULT": {"use_keystone_limits": "true"}, "oslo_limit": {"username": "glance"}})
	r == {{
		"message": "glance-api.conf [DEFAULT] use_keystone_limits on c is true, but [oslo_limit] lacks auth_url, password, endpoint_id: image uploads fail their quota check",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "use_keystone_limits"}],
	}}
}

_layered(main, drop_in) := fx.deployment([fx.node("c", [], [
	fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", main),
	fx.file("c", "glance-api.conf.d", "etc/glance/glance-api.conf.d/90-limits.conf", drop_in),
])])

# A glance-api.conf.d drop-in read after glance-api.conf switches the
# limits on.
test_drop_in_switches_on if {
	r := rule.report with input as _layered({"DEFAULT": {"debug": "false"}}, {"DEFAULT": {"use_keystone_limits": "true"}})
	r == {{
		"message": "glance-api.conf.d [DEFAULT] use_keystone_limits on c is true, but [oslo_limit] lacks auth_url, username, password, endpoint_id: image uploads fail their quota check",
		"locations": [{"path": "c/etc/glance/glance-api.conf.d/90-limits.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "use_keystone_limits"}],
	}}
}

# The drop-in holds the [oslo_limit] credentials, or switches the limits off.
test_drop_in_completes_or_disables if {
	limits := {"auth_url": "http://c:5000", "username": "glance", "password": fx.secret("a", 1), "endpoint_id": "e1"}
	rule.report with input as _layered({"DEFAULT": {"use_keystone_limits": "true"}}, {"oslo_limit": limits}) == set()
	rule.report with input as _layered({"DEFAULT": {"use_keystone_limits": "true"}}, {"DEFAULT": {"use_keystone_limits": "false"}}) == set()
}
