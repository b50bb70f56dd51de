package stacklint.rules.hygiene.lowercase_default_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.lowercase_default as rule

_input(sections) := fx.deployment([fx.node("n", [], [object.union(
	fx.file("n", "nova.conf", "etc/nova/nova.conf", sections),
	{"headers": [{"name": name, "line": 1} | some name, _ in sections]},
)])])

test_upper_case if {
	r := rule.report with input as _input({"DEFAULT": {"debug": "true"}})
	r == set()
}

test_lower_case if {
	r := rule.report with input as _input({"default": {"my_ip": "10.0.0.5"}})
	r == {{
		"message": "nova.conf on n has a section [default], which oslo.config calls 'default', not [DEFAULT]: the service ignores its 1 option(s)",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 1, "column": 1, "section": "default"}],
	}}
}
