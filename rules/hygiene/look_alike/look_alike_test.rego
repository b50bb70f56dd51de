package stacklint.rules.hygiene.look_alike_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.look_alike as rule

_d(key, occ) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"placement": {key: occ}})])])

test_plain if {
	r := rule.report with input as _d("region_name", "RegionOne")
	r == set()
}

test_curly_quotes if {
	r := rule.report with input as _d("region_name", {"value": "x", "look_alike": "U+201C left double quote", "line": 4, "column": 1})
	r == {{
		"message": "nova.conf [placement] region_name on c contains U+201C left double quote in its value: oslo.config keeps it, so the value is not what it looks like",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 4, "column": 1, "section": "placement", "key": "region_name"}],
	}}
}

test_key if {
	r := rule.report with input as _d("region\u00a0name", {"value": "RegionOne", "key_look_alike": "U+00A0 no-break space", "line": 4, "column": 1})
	count(r) == 1
}
