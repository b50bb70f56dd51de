package stacklint.rules.glance.paste_flavor_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.paste_flavor as rule

_input(sections) := fx.deployment([fx.node("c", [], [fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", sections)])])

test_keystone if {
	r := rule.report with input as _input({"paste_deploy": {"flavor": "keystone"}})
	r == set()
}

test_unset if {
	r := rule.report with input as _input({"DEFAULT": {}})
	r == {{
		"message": "glance-api.conf [paste_deploy] flavor on c is not set: glance-api runs without token validation",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "section": "paste_deploy", "key": "flavor"}],
	}}
}
