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

# Issue 16: values in effect, unset options as their release's default.
_defaults := {"zed": {"glance-api.conf": {"glance_store": {
	"default_store": {"text": "file", "host": false},
	"stores": {"text": "file,http", "host": false},
	"default_backend": {"text": "", "host": false},
}}}}

_rel(files) := object.union(fx.released_as(fx.deployment([fx.node("c", [], files)]), "zed", "2022.2", "auto"), {"defaults": _defaults})

_api(sections) := object.union(fx.file("c", "glance-api.conf", "etc/glance/glance-api.conf", sections), {"headers": [{"name": "DEFAULT", "line": 1}, {"name": "glance_store", "line": 5}]})

test_default_store_unset_not_in_stores if {
	r := rule.report with input as _rel([_api({"glance_store": {"stores": "rbd, http"}})])
	r == {{
		"message": "glance-api.conf [glance_store] default_store on c is not set: its default in zed, file, but glance-api.conf [glance_store] stores on c is rbd, http: glance-api does not start (Store for scheme file not found)",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 5, "column": 1, "section": "glance_store", "key": "default_store"}],
	}}
}

test_default_store_not_in_default_stores if {
	r := rule.report with input as _rel([_api({"glance_store": {"default_store": "rbd"}})])
	{f.message | some f in r} == {"glance-api.conf [glance_store] default_store on c is rbd, but glance-api.conf [glance_store] stores on c is not set: its default in zed, file,http: glance-api does not start (Store for scheme rbd not found)"}
}

test_single_store_fits if {
	r := rule.report with input as _rel([_api({"glance_store": {"stores": "rbd,glance.store.http.Store", "default_store": "rbd"}})])
	r == set()
}

test_defaults_fit if {
	r := rule.report with input as _rel([_api({})])
	r == set()
}

test_unknown_store_left_alone if {
	r := rule.report with input as _rel([_api({"glance_store": {"stores": "mystore.Driver"}})])
	r == set()
}

# A config-dir file read after glance-api.conf sets the store list.
test_config_dir_stores if {
	r := rule.report with input as _rel([
		_api({"glance_store": {"stores": "file,http"}}),
		fx.file("c", "glance-api.conf.d", "etc/glance/glance-api.conf.d/rbd.conf", {"glance_store": {"stores": "rbd"}}),
	])
	{f.message | some f in r} == {"glance-api.conf [glance_store] default_store on c is not set: its default in zed, file, but glance-api.conf.d [glance_store] stores on c is rbd: glance-api does not start (Store for scheme file not found)"}
}

test_multi_default_backend_unset if {
	r := rule.report with input as _rel([_api({"DEFAULT": {"enabled_backends": "fs:file"}, "fs": {"filesystem_store_datadir": "/srv/i"}})])
	r == {{
		"message": "glance-api.conf [glance_store] default_backend on c is not set: its default in zed, (none), but enabled_backends is fs:file: glance-api does not start",
		"locations": [{"path": "c/etc/glance/glance-api.conf", "node": "c", "line": 5, "column": 1, "section": "glance_store", "key": "default_backend"}],
	}}
}
