package stacklint.rules.glance.paste_flavor_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.paste_flavor as rule

_input(sections) := fx.deployment([fx.node("c", [], [fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", sections)])])

_defaults := {"stein": {"glance-api.conf": {"paste_deploy": {"flavor": {"text": "", "host": false}}}}}

_released(d) := object.union(fx.released(d, "stein", "auto"), {"defaults": _defaults})

test_keystone if {
	r := rule.report with input as _input({"paste_deploy": {"flavor": "keystone"}})
	r == set()
}

test_written_other if {
	r := rule.report with input as _input({"paste_deploy": {"flavor": fx.at("caching", 12)}})
	r == {{
		"message": "glance-api.conf [paste_deploy] flavor on c is 'caching': glance-api runs without token validation",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 12, "column": 1, "section": "paste_deploy", "key": "flavor"}],
	}}
}

# Unset: the release's default (none) is in effect (issue 16).
test_unset if {
	r := rule.report with input as _released(_input({"DEFAULT": {}}))
	r == {{
		"message": "glance-api.conf [paste_deploy] flavor on c is not set: its default in stein, (none): glance-api runs without token validation",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 1, "column": 1, "section": "paste_deploy", "key": "flavor"}],
	}}
}

test_unset_without_defaults if {
	r := rule.report with input as _input({"DEFAULT": {}})
	r == set()
}

_registry(services, sections) := fx.deployment([fx.node("c", services, [
	fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", {"paste_deploy": {"flavor": "keystone"}}),
	fx.file("c", "glance-registry.conf", "etc/glance/glance-registry.conf", sections),
])])

# glance-registry without flavor: glance-api.conf's default, as both
# register the same option (the issue's Icehouse registry).
test_registry_unset if {
	r := rule.report with input as _released(_registry(["glance-api", "glance-registry"], {"keystone_authtoken": {}}))
	r == {{
		"message": "glance-registry.conf [paste_deploy] flavor on c is not set: its default in stein, (none): glance-registry runs without token validation",
		"locations": [{"path": "c/etc/glance/glance-registry.conf", "node": "c", "line": 1, "column": 1, "section": "paste_deploy", "key": "flavor"}],
	}}
}

test_registry_keystone if {
	r := rule.report with input as _released(_registry(["glance-api", "glance-registry"], {"paste_deploy": {"flavor": "keystone"}}))
	r == set()
}

# A registry file on a node that does not run glance-registry is left over.
test_registry_not_running if {
	r := rule.report with input as _released(_registry(["glance-api"], {}))
	r == set()
}
