# METADATA
# title: Several glance-api nodes with a file image store
# description: |
#   For the record: the file store keeps images in a directory on the node
#   that received the upload. With glance-api on several nodes behind one
#   endpoint, an image uploaded through one node is missing on the others
#   (404 on download, instance boots fail at random) unless that directory
#   is shared storage (NFS, CephFS), which /etc cannot show.
# custom:
#   id: SL-GLN-005
#   severity: info
#   inputs: [glance-api.conf]
#   remediation: |
#     Mount one shared filesystem at filesystem_store_datadir on every
#     glance-api node, or use a shared backend (rbd, swift, cinder).
package stacklint.rules.glance.local_store

import data.stacklint.lib

# _file_store: the file backend is glance's default store.
_file_store(f) if {
	lib.has(f, "DEFAULT", "enabled_backends")
	default_name := lib.last(f, "glance_store", "default_backend").value
	some item in lib.items(lib.last(f, "DEFAULT", "enabled_backends").value)
	[name, type] := split(item, ":")
	trim_space(name) == default_name
	trim_space(type) == "file"
}

_file_store(f) if {
	not lib.has(f, "DEFAULT", "enabled_backends")
	object.get(lib.last(f, "glance_store", "default_store"), "value", "file") == "file"
}

_apis := sort([name | some [name, f] in lib.files("glance-api.conf"); lib.runs(input.nodes[name], "glance-api"); _file_store(f)])

report contains finding if {
	count(_apis) > 1
	some [name, f] in lib.files("glance-api.conf")
	name == _apis[0]
	finding := {
		"message": sprintf("glance-api runs on %s with the file store as default: images uploaded through one node are missing on the others unless the image directory is shared storage", [concat(", ", _apis)]),
		"locations": [{"path": f.path, "node": name, "section": "glance_store"}],
	}
}
