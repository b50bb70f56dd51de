package stacklint.rules.hygiene.inline_comment_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.inline_comment as rule

_input(occ) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": occ}})])])

test_plain if {
	r := rule.report with input as _input(fx.at("10.0.0.31", 3))
	r == set()
}

test_inline_comment if {
	r := rule.report with input as _input({"value": "10.0.0.31 # mgmt", "line": 3, "column": 1, "inline_comment": true})
	r == {{
		"message": "nova.conf [DEFAULT] my_ip on c '10.0.0.31 # mgmt' contains ' #': oslo.config has no inline comments, so the comment is part of the value",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 3, "column": 1, "section": "DEFAULT", "key": "my_ip"}],
	}}
}

test_secret_not_shown if {
	r := rule.report with input as _input(object.union(fx.secret("aaaaaa", 4), {"inline_comment": true}))
	some f in r
	contains(f.message, "(fp:aaaaaa)")
}

test_slash_comment if {
	r := rule.report with input as _input({"value": "10.0.0.31\t// mgmt", "line": 3, "column": 1, "inline_comment": true, "comment_marker": "//"})
	some f in r
	contains(f.message, "contains ' //'")
}
