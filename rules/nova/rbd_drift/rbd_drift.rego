# METADATA
# title: Compute nodes disagree on their Ceph RBD settings
# description: |
#   With [libvirt] images_type = rbd, instance disks live in Ceph and
#   libvirt authenticates with the cephx user rbd_user and the libvirt
#   secret rbd_secret_uuid, whose UUID is also what cinder hands out for
#   volume attachments. Compute nodes that differ in images_type, pool,
#   rbd_user or rbd_secret_uuid cannot open each other's disks after a
#   migration or evacuation, and attaches fail on the odd node. The
#   compute nodes are peers (cinder's and Ceph's own files are not read):
#   each differing node is compared with the value most of them hold (on a
#   tie, the first by path), and the message says which.
# custom:
#   id: SL-NOVA-014
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Use the same images_type, images_rbd_pool, rbd_user and
#     rbd_secret_uuid on every compute node (and the same secret UUID in
#     cinder.conf), and define that libvirt secret on each node.
package stacklint.rules.nova.rbd_drift

import data.stacklint.lib

_kinds := lib.compute_kinds

_keys := ["images_type", "images_rbd_pool", "rbd_user", "rbd_secret_uuid"]

# aggregate: each compute node that keeps instance disks in Ceph
# ({"rbd": name}) and its value of each option ({"copy": [key, {v, shown,
# where, loc}]}); the report compares the copies of each option.
aggregate contains {"rbd": name} if some [name, _] in _rbd

aggregate contains {"copy": [key, c]} if {
	some key in _keys
	some c in _node_copies(key)
}

_rbd_count := count({r.rbd | some r in aggregate; r.rbd})

_copies(key) := {r.copy[1] | some r in aggregate; r.copy[0] == key}

# _rbd: compute nodes that keep instance disks in Ceph.
_rbd := [[name, node] |
	some name, node in input.nodes
	"compute" in node.roles
	[_, occ] := lib.effective(node, _kinds, "libvirt", "images_type")
	lower(occ.value) == "rbd"
]

_node_copies(key) := {c |
	some [_, node] in _rbd
	[f, occ] := lib.effective(node, _kinds, "libvirt", key)
	not occ.masked # sos masks rbd_secret_uuid: unknown, equal to nothing
	c := {"v": lower(trim_space(occ.value)), "shown": occ.value, "where": lib.where(f, "libvirt", key), "loc": lib.loc(f, "libvirt", key, occ)}
}

report contains finding if {
	_rbd_count > 1
	some key in _keys
	copies := _copies(key)
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (Ceph-backed compute nodes are peers, none is the authority: %s): disks and volumes do not open after migration on this node", [c.where, c.shown, r.where, r.shown, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
