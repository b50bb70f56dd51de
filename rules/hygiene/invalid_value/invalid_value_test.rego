package stacklint.rules.hygiene.invalid_value_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.invalid_value as rule

_d(schema) := fx.released_as(
	fx.deployment([fx.node("c", [], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"api_workers": {"value": "four", "line": 7, "column": 1, "schema": schema}}})])]),
	"zed", "2022.2", "auto",
)

test_valid if {
	r := rule.report with input as _d({"status": "ok"})
	r == set()
}

test_invalid if {
	r := rule.report with input as _d({"status": "invalid", "error": "invalid literal for int() with base 10: 'four'"})
	r == {{
		"message": "neutron.conf [DEFAULT] api_workers on c is not valid in zed (from auto): invalid literal for int() with base 10: 'four'",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 7, "column": 1, "section": "DEFAULT", "key": "api_workers"}],
	}}
}
