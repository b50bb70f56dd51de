# METADATA
# title: A cinder backend named in enabled_backends is missing or has no driver
# description: |
#   cinder-volume starts one backend per name in cinder.conf [DEFAULT]
#   enabled_backends and reads each backend's options from the section of
#   that name (then [backend_defaults]). A name with no section of its own
#   in cinder's files (cinder-dist.conf, cinder.conf, cinder.conf.d, in
#   effect together), or a section without volume_driver, runs with the
#   default driver, LVM on the volume group cinder-volumes: on a Ceph or
#   SAN node the backend fails to initialise, or creates volumes on the
#   wrong storage. The volume_driver in [backend_defaults] counts as set.
#   A name listed twice starts one backend.
# custom:
#   id: SL-CINDER-001
#   scope: node
#   severity: error
#   inputs: [cinder.conf]
#   remediation: |
#     Add a section named after each backend of enabled_backends with its
#     volume_driver and options (or remove the name from
#     enabled_backends), and restart cinder-volume.
package stacklint.rules.cinder.backends

import data.stacklint.lib
import data.stacklint.lib.ceph

report contains finding if {
	some name, node in input.nodes
	[f, occ, names] := ceph.backends(node)
	some backend in names
	not _section(node, backend)
	finding := {
		"message": sprintf("%s names backend '%s', but no section [%s] is in cinder's files on %s: cinder-volume runs it with the default LVM driver", [lib.where(f, "DEFAULT", "enabled_backends"), backend, backend, name]),
		"locations": [lib.loc(f, "DEFAULT", "enabled_backends", occ)],
	}
}

report contains finding if {
	some name, node in input.nodes
	[f, occ, names] := ceph.backends(node)
	some backend in names
	g := _section(node, backend)
	not ceph.backend_setting(node, backend, "volume_driver")
	not ceph.backend_setting(node, "backend_defaults", "volume_driver")
	finding := {
		"message": sprintf("backend [%s] of %s sets no volume_driver (%s on %s): cinder-volume runs it with the default LVM driver", [backend, lib.where(f, "DEFAULT", "enabled_backends"), g.path, name]),
		"locations": [_header_loc(g, backend), lib.loc(f, "DEFAULT", "enabled_backends", occ)],
	}
}

# _section is the first of the node's cinder files with a section of the
# backend's name (its header or a key in it).
_section(node, backend) := [f |
	some kind in lib.layers["cinder.conf"]
	some f in lib.files_of(node, kind)
	not f.error
	_holds(f, backend)
][0]

_holds(f, backend) if f.sections[backend]

_holds(f, backend) if {
	some h in object.get(f, "headers", [])
	h.name == backend
}

_header_loc(f, backend) := lib.unset_loc(f, backend, "volume_driver")
