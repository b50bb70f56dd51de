# METADATA
# title: Several glance-api nodes with a file image store
# description: |
#   For the record: the file store keeps images in a directory on the node
#   that received the upload. With glance-api on several nodes behind one
#   endpoint, an image uploaded through one node is missing on the others
#   (404 on download, instance boots fail at random) unless that directory
#   is shared storage (NFS, CephFS), which /etc cannot show.
#   The default store is the one in effect across glance-api's files
#   (glance-api-dist.conf, glance-api.conf, glance-api.conf.d): with
#   enabled_backends, the type of default_backend; else default_store
#   (Icehouse: [DEFAULT] default_store), unset its release's default, file.
# custom:
#   id: SL-GLN-005
#   scope: aggregate
#   severity: info
#   inputs: [glance-api.conf]
#   defaults:
#     - [glance-api.conf, glance_store, default_store]
#   remediation: |
#     Mount one shared filesystem at filesystem_store_datadir on every
#     glance-api node, or use a shared backend (rbd, swift, cinder).
package stacklint.rules.glance.local_store

import data.stacklint.lib
import data.stacklint.lib.settings

_kinds := ["glance-api.conf"]

# _store is [the default store's driver type, location] of glance-api on
# a node: with enabled_backends, the type default_backend names.
_store(node) := [trim_space(type), lib.loc(f, "glance_store", "default_backend", occ)] if {
	[_, eb] := lib.effective(node, _kinds, "DEFAULT", "enabled_backends")
	count(lib.items(eb.value)) > 0
	[f, occ] := lib.effective(node, _kinds, "glance_store", "default_backend")
	some item in lib.items(eb.value)
	[name, type] := split(item, ":")
	trim_space(name) == trim_space(occ.value)
} else := [_scheme_type(occ.value), lib.loc(f, "glance_store", "default_store", occ)] if {
	[f, occ] := lib.effective(node, _kinds, "glance_store", "default_store")
} else := [_scheme_type(occ.value), lib.loc(f, "DEFAULT", "default_store", occ)] if {
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", "default_store") # Icehouse
} else := [_scheme_type(s.value), settings.at(s, "glance_store", "default_store")] if {
	s := lib.setting(node, _kinds, "glance_store", "default_store")
}

# _multi: enabled_backends is in effect (default_store no longer counts).
_multi(node) if {
	[_, eb] := lib.effective(node, _kinds, "DEFAULT", "enabled_backends")
	count(lib.items(eb.value)) > 0
}

_scheme_type(v) := "file" if trim_space(v) in {"file", "filesystem"}

else := trim_space(v)

# aggregate: each glance-api.conf of a glance-api node whose default
# store is the file store, as {"api": [node, location of the default
# store, file path]}; the report lists them over the fleet.
aggregate contains {"api": [name, at, f.path]} if {
	some [name, f] in lib.files("glance-api.conf")
	node := input.nodes[name]
	lib.runs(node, "glance-api")
	[type, at] := _file_or_multi(node)
	type == "file"
}

# _apis are [node, location of its default store] of the glance-api
# nodes whose default store is the file store (one per glance-api.conf).
_apis := sort([[r.api[0], r.api[1]] | some r in aggregate; r.api])

# _file_or_multi: a multi-store node without a matching default_backend
# is not judged here (SL-GLN-002 reports it).
_file_or_multi(node) := _store(node) if not _multi(node)

else := s if {
	s := _store(node)
	s[1].key == "default_backend"
}

report contains finding if {
	count(_apis) > 1
	finding := {
		"message": sprintf("glance-api runs on %s with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage", [concat(", ", [n | some [n, _] in _apis])]),
		"locations": [_apis[0][1]],
	}
}
