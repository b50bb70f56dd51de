package stacklint.rules.hygiene.removal_option_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.removal_option as rule

_d(schema) := fx.released_as(
	fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"api": {"auth_strategy": {"value": "keystone", "line": 6, "column": 1, "schema": schema}}})])]),
	"zed", "2022.2", "auto",
)

test_still_read_everywhere if {
	r := rule.report with input as _d({"status": "ok"})
	r == set()
}

test_removed_later if {
	r := rule.report with input as _d({"status": "ok", "removal": true, "since": "21.0.0", "removed_in": "2026.2"})
	r == {{
		"message": "nova.conf [api] auth_strategy on c is deprecated for removal since 21.0.0 in zed (from auto), and 2026.2 no longer reads it: the setting stops applying after that upgrade",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 6, "column": 1, "section": "api", "key": "auth_strategy"}],
	}}
}

# A deprecated name is SL-HYG-003's.
test_deprecated_name_left_out if {
	r := rule.report with input as _d({"status": "invalid", "deprecated": true, "removal": true, "since": "x", "removed_in": "2026.2"})
	r == set()
}
