package stacklint.rules.glance.local_store_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.glance.local_store as rule

_g(name, store) := fx.node(name, ["glance-api"], [fx.file(name, "glance-api.conf", "etc/glance/glance-api.conf", {"glance_store": {"default_store": store}})])

test_one_node if {
	r := rule.report with input as fx.deployment([_g("c1", "file")])
	r == set()
}

test_rbd if {
	r := rule.report with input as fx.deployment([_g("c1", "rbd"), _g("c2", "rbd")])
	r == set()
}

test_two_file_nodes if {
	r := rule.report with input as fx.deployment([_g("c1", "file"), _g("c2", "file")])
	r == {{
		"message": "glance-api runs on c1, c2 with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage",
		"locations": [{"path": "c1/etc/glance/glance-api.conf", "node": "c1", "line": 1, "column": 1, "section": "glance_store", "key": "default_store"}],
	}}
}

# Issue 16: the default store in effect, unset its release's default.
_defaults := {"zed": {"glance-api.conf": {"glance_store": {"default_store": {"text": "file", "host": false}}}}}

_rel(nodes) := object.union(fx.released_as(fx.deployment(nodes), "zed", "2022.2", "auto"), {"defaults": _defaults})

_files(name, files) := fx.node(name, ["glance-api"], files)

_api(name, store) := object.union(fx.file(name, "glance-api.conf", "etc/glance/glance-api.conf", {"glance_store": store}), {"headers": [{"name": "glance_store", "line": 3}]})

_confd(name, store) := fx.file(name, "glance-api.conf.d", "etc/glance/glance-api.conf.d/store.conf", {"glance_store": {"default_store": store}})

test_unset_is_file if {
	r := rule.report with input as _rel([_files("c1", [_api("c1", {})]), _files("c2", [_api("c2", {})])])
	r == {{
		"message": "glance-api runs on c1, c2 with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage",
		"locations": [{"path": "c1/etc/glance/glance-api.conf", "node": "c1", "line": 3, "column": 1, "section": "glance_store", "key": "default_store"}],
	}}
}

test_config_dir_sets_file if {
	r := rule.report with input as _rel([
		_files("c1", [_api("c1", {"default_store": "rbd"}), _confd("c1", "file")]),
		_files("c2", [_api("c2", {"default_store": "rbd"}), _confd("c2", "file")]),
	])
	{f.message | some f in r} == {"glance-api runs on c1, c2 with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage"}
}

test_config_dir_sets_rbd if {
	r := rule.report with input as _rel([
		_files("c1", [_api("c1", {"default_store": "file"}), _confd("c1", "rbd")]),
		_files("c2", [_api("c2", {}), _confd("c2", "rbd")]),
	])
	r == set()
}

_multi(name, eb, db) := _files(name, [fx.file(name, "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"enabled_backends": eb}, "glance_store": {"default_backend": db, "default_store": "rbd"}})])

test_multi_file_backend if {
	r := rule.report with input as _rel([_multi("c1", "fs:file, ceph:rbd", "fs"), _multi("c2", "fs:file,ceph:rbd", "fs")])
	count(r) == 1
}

test_multi_rbd_backend if {
	r := rule.report with input as _rel([_multi("c1", "fs:file, ceph:rbd", "ceph"), _multi("c2", "fs:file,ceph:rbd", "ceph")])
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_g("c1", "file"), _g("c2", "file")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
