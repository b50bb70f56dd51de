package stacklint.rules.hygiene.debug_enabled_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.debug_enabled as rule

_input(v) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"debug": fx.at(v, 3)}})])])

test_off if {
	r := rule.report with input as _input("false")
	r == set()
}

test_on if {
	r := rule.report with input as _input("True")
	r == {{
		"message": "nova.conf [DEFAULT] debug on n is on: DEBUG logs grow fast and record request details",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 3, "column": 1, "section": "DEFAULT", "key": "debug"}],
	}}
}
