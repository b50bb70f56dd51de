package stacklint.rules.glance.image_size_cap_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.image_size_cap as rule

_g(v) := fx.deployment([fx.node("c", [], [fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"image_size_cap": v}})])])

test_default_size if {
	r := rule.report with input as _g("1099511627776")
	r == set()
}

test_not_a_number if {
	r := rule.report with input as _g("lots")
	r == set()
}

test_small if {
	r := rule.report with input as _g("1073741824")
	r == {{
		"message": "glance-api.conf [DEFAULT] image_size_cap on c is 1073741824 bytes (1024 MiB): larger image uploads are rejected",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "image_size_cap"}],
	}}
}

# The value in effect: glance-api.conf.d is read after glance-api.conf (issue 16).
_layered(main, confd) := fx.deployment([fx.node("g", [], [
	fx.file("g", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"image_size_cap": main}}),
	fx.file("g", "glance-api.conf.d", "etc/glance/glance-api.conf.d/cap.conf", {"DEFAULT": {"image_size_cap": confd}}),
])])

test_config_dir_cap if {
	count(rule.report) == 1 with input as _layered("1099511627776", "1073741824")
	rule.report == set() with input as _layered("1073741824", "1099511627776")
}
