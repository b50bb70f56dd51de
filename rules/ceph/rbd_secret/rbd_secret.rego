# METADATA
# title: cinder's RBD backend and the compute nodes name different libvirt secrets or users
# description: |
#   To attach a volume of an RBD backend, cinder hands nova its backend's
#   rbd_user and rbd_secret_uuid; libvirt on the compute node then reads
#   the cephx key from its secret of that UUID. The compute nodes define
#   that secret for nova.conf [libvirt] rbd_secret_uuid with the key of
#   nova's rbd_user (the Ceph and install guides use one user, cinder,
#   for both). A backend whose rbd_secret_uuid is not the compute nodes'
#   names a secret libvirt does not have, and one with the same secret but
#   another rbd_user authenticates as that user with the other user's
#   key: every attachment of its volumes fails. The compute nodes' value
#   is the one most of them hold (SL-NOVA-014 reports those that differ);
#   unset options are not compared. A backend whose rbd_user is not the
#   compute nodes' (kolla-ansible's cinder and nova users) needs a secret
#   of its own, which libvirt's secret files hold (not read): its UUID is
#   not compared.
# custom:
#   id: SL-CEPH-003
#   scope: aggregate
#   severity: error
#   inputs: [cinder.conf, nova.conf]
#   remediation: |
#     Set rbd_secret_uuid and rbd_user in each RBD backend section of
#     cinder.conf to the libvirt secret's UUID and the user whose key it
#     holds (nova.conf [libvirt] rbd_secret_uuid and rbd_user), and restart
#     cinder-volume.
package stacklint.rules.ceph.rbd_secret

import data.stacklint.lib
import data.stacklint.lib.ceph

_keys := ["rbd_secret_uuid", "rbd_user"]

# aggregate: each compute node's libvirt value of each option ({"nova":
# [key, {v, where, loc}]}) and each RBD backend's on a cinder-volume node
# ({"cinder": {backend, uuid, user: {v, where, loc} or absent}}); the
# report compares each backend with the compute nodes' majority.
aggregate contains {"nova": [key, c]} if {
	some name, node in input.nodes
	lib.runs(node, "nova-compute")
	some key in _keys
	[f, occ] := lib.effective(node, lib.compute_kinds, "libvirt", key)
	trim_space(occ.value) != ""
	not occ.masked # sos masks rbd_secret_uuid: unknown, equal to nothing
	c := {"v": lower(trim_space(occ.value)), "shown": occ.value, "where": lib.where(f, "libvirt", key), "loc": lib.loc(f, "libvirt", key, occ)}
}

aggregate contains {"cinder": b} if {
	some name, node in input.nodes
	lib.runs(node, "cinder-volume")
	some [backend, _, _] in ceph.rbd_backends(node)
	b := {key: c |
		some key in _keys
		[f, occ] := ceph.backend_setting(node, backend, key)
		trim_space(occ.value) != ""
		not occ.masked
		c := {"v": lower(trim_space(occ.value)), "shown": occ.value, "where": lib.where(f, backend, key), "loc": lib.loc(f, backend, key, occ)}
	}
}

_nova(key) := {r.nova[1] | some r in aggregate; r.nova[0] == key}

# _ref is the compute nodes' reference copy of an option.
_ref(key) := lib.first_with(copies, lib.majority(copies)) if {
	copies := _nova(key)
	count(copies) > 0
}

report contains finding if {
	some r in aggregate
	c := r.cinder.rbd_secret_uuid
	ref := _ref("rbd_secret_uuid")
	not c.v in {n.v | some n in _nova("rbd_secret_uuid")}
	r.cinder.rbd_user.v in {n.v | some n in _nova("rbd_user")} # another user has a secret of its own
	finding := {
		"message": sprintf("%s is %s, but the compute nodes' libvirt secret is %s (%s, %s): attaching its volumes fails, libvirt there has no secret %s", [c.where, c.shown, ref.shown, ref.where, lib.tally(_nova("rbd_secret_uuid"), ref.v), c.shown]),
		"locations": [c.loc, ref.loc],
	}
}

report contains finding if {
	some r in aggregate
	c := r.cinder.rbd_user
	r.cinder.rbd_secret_uuid.v in {n.v | some n in _nova("rbd_secret_uuid")}
	ref := _ref("rbd_user")
	not c.v in {n.v | some n in _nova("rbd_user")}
	finding := {
		"message": sprintf("%s is %s, but the compute nodes' libvirt secret %s holds the key of %s (%s): attaching its volumes authenticates as %s with that key and fails", [c.where, c.shown, r.cinder.rbd_secret_uuid.shown, ref.shown, ref.where, c.shown]),
		"locations": [c.loc, ref.loc],
	}
}
