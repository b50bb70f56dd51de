package stacklint.rules.credentials.secret_template_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.secret_template as rule

_input(occ) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"database": {"password": occ}})])])

test_plain_or_escaped_dollar if {
	r := rule.report with input as _input(object.union(fx.secret("aaaaaa", 4), {"has_dollar": true}))
	r == set()
}

test_missing_reference if {
	r := rule.report with input as _input(object.union(fx.secret("aaaaaa", 4), {"template": true, "template_missing": true}))
	r == {{
		"message": "nova.conf [database] password on n (fp:aaaaaa) contains '$' followed by a name: oslo.config finds no such option and the service stops with a substitution error; write '$$' for a literal '$'",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 4, "column": 1, "section": "database", "key": "password"}],
	}}
}
