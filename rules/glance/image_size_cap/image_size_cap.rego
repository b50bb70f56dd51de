# METADATA
# title: glance image_size_cap is low
# description: |
#   glance-api.conf [DEFAULT] image_size_cap (bytes, default 1 TiB) rejects
#   larger uploads with 413. Values below a few GiB, often set long ago for
#   a test cloud or written in the wrong unit, reject ordinary cloud
#   images and volume snapshots uploaded as images.
# custom:
#   id: SL-GLN-004
#   scope: node
#   severity: info
#   inputs: [glance-api.conf]
#   remediation: |
#     Raise image_size_cap (in bytes) to the largest image the cloud should
#     accept, or remove it to use the 1 TiB default.
package stacklint.rules.glance.image_size_cap

import data.stacklint.lib

_gib := 1073741824

report contains finding if {
	some [name, _] in lib.files("glance-api.conf")
	[f, occ] := lib.effective(input.nodes[name], ["glance-api.conf"], "DEFAULT", "image_size_cap") # in effect: dist file, glance-api.conf, conf.d
	n := to_number(occ.value)
	n < 4 * _gib
	finding := {
		"message": sprintf("%s is %s bytes (%d MiB): larger image uploads are rejected", [lib.where(f, "DEFAULT", "image_size_cap"), occ.value, floor(n / 1048576)]),
		"locations": [lib.loc(f, "DEFAULT", "image_size_cap", occ)],
	}
}
