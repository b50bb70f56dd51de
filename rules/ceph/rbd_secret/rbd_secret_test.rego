package stacklint.rules.ceph.rbd_secret_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.ceph.rbd_secret as rule

_cmp(name, user, uuid) := fx.node_below(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": {"rbd_user": user, "rbd_secret_uuid": uuid}})])

_vol(name, backend) := fx.node_below(name, ["cinder-volume"], [fx.file(name, "cinder.conf", "etc/cinder/cinder.conf", {
	"DEFAULT": {"enabled_backends": "ceph"},
	"ceph": object.union({"volume_driver": "cinder.volume.drivers.rbd.RBDDriver"}, backend),
})])

test_same_secret_and_user if {
	r := rule.report with input as fx.deployment([_cmp("c1", "cinder", "457E"), _vol("s1", {"rbd_user": "cinder", "rbd_secret_uuid": "457e"})])
	r == set()
}

test_unset_not_compared if {
	r := rule.report with input as fx.deployment([_cmp("c1", "cinder", "457e"), _vol("s1", {})])
	r == set()
}

_uuid := fx.deployment([_cmp("c1", "cinder", "457e"), _cmp("c2", "cinder", "457e"), _vol("s1", {"rbd_user": "cinder", "rbd_secret_uuid": "1111"})])

test_uuid_differs if {
	r := rule.report with input as _uuid
	r == {{
		"message": "cinder.conf [ceph] rbd_secret_uuid on s1 is 1111, but the compute nodes' libvirt secret is 457e (nova.conf [libvirt] rbd_secret_uuid on c1, 2 of 2): attaching its volumes fails, libvirt there has no secret 1111",
		"locations": [
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "ceph", "key": "rbd_secret_uuid"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "rbd_secret_uuid"},
		],
	}}
}

test_user_differs if {
	r := rule.report with input as fx.deployment([_cmp("c1", "cinder", "457e"), _vol("s1", {"rbd_user": "volumes", "rbd_secret_uuid": "457e"})])
	r == {{
		"message": "cinder.conf [ceph] rbd_user on s1 is volumes, but the compute nodes' libvirt secret 457e holds the key of cinder (nova.conf [libvirt] rbd_user on c1): attaching its volumes authenticates as volumes with that key and fails",
		"locations": [
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "ceph", "key": "rbd_user"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "rbd_user"},
		],
	}}
}

test_two_passes if {
	agg := {x | some p in passes.parts(_uuid); some x in rule.aggregate with input as p}
	r := rule.report with rule.aggregate as agg with input as passes.fleet(_uuid)
	count(r) > 0
	r == rule.report with input as _uuid
}

# kolla-ansible: nova's user and cinder's user each have a libvirt secret
# of their own (nova_rbd_secret_uuid, cinder_rbd_secret_uuid): not judged.
test_own_user_own_secret if {
	r := rule.report with input as fx.deployment([_cmp("c1", "nova", "457e"), _vol("s1", {"rbd_user": "cinder", "rbd_secret_uuid": "1111"})])
	r == set()
}

# sos masks rbd_secret_uuid: masked on either side, nothing is compared.
test_masked_not_compared if {
	masked := {"value": "*********", "line": 1, "column": 1, "secret": true, "masked": true}
	rule.report == set() with input as fx.deployment([_cmp("c1", "cinder", masked), _vol("s1", {"rbd_user": "cinder", "rbd_secret_uuid": "1111"})])
	rule.report == set() with input as fx.deployment([_cmp("c1", "cinder", "457e"), _vol("s1", {"rbd_user": "cinder", "rbd_secret_uuid": masked})])
}
