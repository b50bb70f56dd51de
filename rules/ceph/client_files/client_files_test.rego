package stacklint.rules.ceph.client_files_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.ceph.client_files as rule

_conf(name) := {"kind": "ceph.conf", "path": sprintf("%s/etc/ceph/ceph.conf", [name]), "node": name, "ceph": {"global": {"fsid": {"value": "6c2f", "line": 2}}}}

_keyring(name, user) := {
	"kind": "ceph-keyring", "path": sprintf("%s/etc/ceph/ceph.client.%s.keyring", [name, user]), "node": name,
	"ceph": {sprintf("client.%s", [user]): {"key": {"fp": "abcdef", "line": 2}}},
}

_nova(name, libvirt) := fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": libvirt})

_compute(files) := fx.deployment([fx.node_below("c1", ["nova-compute"], files)])

_rbd := {"images_type": "rbd", "rbd_user": "cinder", "rbd_secret_uuid": "457e"}

test_keyring_present if {
	r := rule.report with input as _compute([_nova("c1", _rbd), _conf("c1"), _keyring("c1", "cinder")])
	r == set()
}

test_no_ceph_files_collected if {
	r := rule.report with input as _compute([_nova("c1", _rbd)])
	r == set()
}

test_local_disks if {
	r := rule.report with input as _compute([_nova("c1", {"rbd_user": "cinder"}), _conf("c1"), _keyring("c1", "glance")])
	r == set()
}

test_keyring_missing if {
	r := rule.report with input as _compute([_nova("c1", _rbd), _conf("c1"), _keyring("c1", "glance")])
	r == {{
		"message": "nova.conf [libvirt] rbd_user on c1 is cinder, but no keyring on c1 holds a key for client.cinder (keyrings there: ceph.client.glance.keyring): nova-compute cannot authenticate to Ceph",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "rbd_user"}],
	}}
}

test_conf_missing if {
	r := rule.report with input as _compute([_nova("c1", object.union(_rbd, {"images_rbd_ceph_conf": "/etc/ceph/prod.conf"})), _conf("c1"), _keyring("c1", "cinder")])
	r == {{
		"message": "nova.conf [libvirt] images_rbd_ceph_conf on c1 names /etc/ceph/prod.conf, which is not on c1 (its Ceph files: ceph.client.cinder.keyring, ceph.conf): nova-compute cannot reach the cluster",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "images_rbd_ceph_conf"}],
	}}
}

_cinder(name, backend) := object.union(fx.file(name, "cinder.conf", "etc/cinder/cinder.conf", {"DEFAULT": {"enabled_backends": "ceph"}, "ceph": backend}), {"headers": [{"name": "ceph", "line": 5}]})

test_cinder_backend_keyring_missing if {
	d := fx.deployment([fx.node_below("s1", ["cinder-volume"], [_cinder("s1", {"volume_driver": "cinder.volume.drivers.rbd.RBDDriver", "rbd_user": "volumes"}), _conf("s1"), _keyring("s1", "cinder")])])
	r := rule.report with input as d
	count(r) == 1
	some f in r
	f.locations[0].key == "rbd_user"
}

test_cinder_lvm_backend if {
	d := fx.deployment([fx.node_below("s1", ["cinder-volume"], [_cinder("s1", {"volume_driver": "cinder.volume.drivers.lvm.LVMVolumeDriver", "rbd_user": "volumes"}), _conf("s1"), _keyring("s1", "cinder")])])
	r := rule.report with input as d
	r == set()
}

# A node whose folder is not named after it (PATH/etc, a sos report):
# files are keyed by their path below the node, whatever the shown path.
_at(name, rel, f) := object.union(fx.node_below(name, ["nova-compute"], []), {"files": {rel: object.union(f, {"path": rel})}})

test_conf_found_whatever_the_folder if {
	n := _at("cmp1", "etc/ceph/ceph.conf", _conf("cmp1"))
	files := object.union(n.files, {
		"etc/nova/nova.conf": object.union(_nova("cmp1", _rbd), {"path": "etc/nova/nova.conf"}),
		"etc/ceph/ceph.client.cinder.keyring": object.union(_keyring("cmp1", "cinder"), {"path": "etc/ceph/ceph.client.cinder.keyring"}),
	})
	r := rule.report with input as fx.deployment([object.union(n, {"files": files})])
	r == set()
}

# kolla-ansible lands nova-compute's ceph.conf at /etc/ceph/ceph.conf.
test_conf_found_where_kolla_lands_it if {
	conf := object.union(_conf("c1"), {"path": "c1/etc/kolla/nova-compute/ceph.conf", "dest": "/etc/ceph/ceph.conf"})
	n := fx.node_below("c1", ["nova-compute"], [_nova("c1", _rbd), _keyring("c1", "cinder"), conf])
	r := rule.report with input as fx.deployment([n])
	r == set()
}

# No keyring at all on a node whose /etc/ceph was collected: the key is
# missing; a sos report leaves keyrings out, so there it is not judged.
test_no_keyring_at_all if {
	n := fx.node_below("c1", ["nova-compute"], [_nova("c1", _rbd), _conf("c1")])
	r := rule.report with input as fx.deployment([n])
	count(r) == 1
	some f in r
	contains(f.message, "(keyrings there: none)")
	sos := object.union(n, {"layout": "sos-report"})
	rule.report == set() with input as fx.deployment([sos])
}

# kolla-ansible: each container gets only the files its config.json lands;
# cinder-backup's keyring does not serve cinder-volume.
_cinder_vol(name, user) := object.union(fx.file(name, "cinder.conf", "etc/kolla/cinder-volume/cinder.conf", {
	"DEFAULT": {"enabled_backends": "ceph"},
	"ceph": {"volume_driver": "cinder.volume.drivers.rbd.RBDDriver", "rbd_user": user},
}), {"container": "cinder-volume", "dest": "/etc/cinder/cinder.conf"})

_kolla_ring(name, container, user) := object.union(_keyring(name, user), {"path": sprintf("%s/etc/kolla/%s/ceph.client.%s.keyring", [name, container, user]), "container": container, "dest": sprintf("/etc/ceph/ceph.client.%s.keyring", [user])})

_kolla_conf(name, container) := object.union(_conf(name), {"path": sprintf("%s/etc/kolla/%s/ceph.conf", [name, container]), "container": container, "dest": "/etc/ceph/ceph.conf"})

test_kolla_keyring_in_another_container if {
	n := fx.node_below("s1", ["cinder-volume"], [_cinder_vol("s1", "cinder"), _kolla_conf("s1", "cinder-volume"), _kolla_ring("s1", "cinder-backup", "cinder")])
	r := rule.report with input as fx.deployment([n])
	count(r) == 1
	ok := fx.node_below("s1", ["cinder-volume"], [_cinder_vol("s1", "cinder"), _kolla_conf("s1", "cinder-volume"), _kolla_ring("s1", "cinder-volume", "cinder")])
	rule.report == set() with input as fx.deployment([ok])
}

# kolla-ansible: nova-compute's ceph.conf does not serve cinder-volume.
test_kolla_conf_in_another_container if {
	n := fx.node_below("s1", ["cinder-volume"], [_cinder_vol("s1", "cinder"), _kolla_conf("s1", "nova-compute"), _kolla_ring("s1", "cinder-volume", "cinder")])
	r := rule.report with input as fx.deployment([n])
	count(r) == 1
}
