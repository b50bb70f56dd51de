package stacklint.rules.glance.store_backends_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.store_backends as rule

_g(sections) := fx.deployment([fx.node("c", [], [fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", sections)])])

test_guide if {
	r := rule.report with input as _g({
		"DEFAULT": {"enabled_backends": "fs:file, http:http"},
		"glance_store": {"default_backend": "fs"},
		"fs": {"filesystem_store_datadir": "/var/lib/glance/images/"},
	})
	r == set()
}

test_unknown_default if {
	r := rule.report with input as _g({
		"DEFAULT": {"enabled_backends": "fs:file"},
		"glance_store": {"default_backend": "file"},
		"fs": {"filesystem_store_datadir": "/var/lib/glance/images/"},
	})
	r == {{
		"message": "glance-api.conf on c: [glance_store] default_backend 'file' is not one of enabled_backends (fs)",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 1, "column": 1, "section": "glance_store", "key": "default_backend"}],
	}}
}

test_datadir_in_old_section if {
	r := rule.report with input as _g({"DEFAULT": {"enabled_backends": "fs:file"}, "glance_store": {"default_backend": "fs", "filesystem_store_datadir": "/srv/images"}})
	count(r) == 1
}

test_default_datadir_in_old_section if {
	r := rule.report with input as _g({"DEFAULT": {"enabled_backends": "fs:file"}, "glance_store": {"default_backend": "fs", "filesystem_store_datadir": "/var/lib/glance/images/"}})
	r == set()
}
