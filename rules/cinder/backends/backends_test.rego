package stacklint.rules.cinder.backends_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.cinder.backends as rule

_vol(sections) := fx.deployment([fx.node("s1", ["cinder-volume"], [object.union(
	fx.file("s1", "cinder.conf", "etc/cinder/cinder.conf", sections),
	{"headers": [{"name": s, "line": 10} | some s, _ in sections]},
)])])

test_backends_configured if {
	r := rule.report with input as _vol({"DEFAULT": {"enabled_backends": "ceph, lvm"}, "ceph": {"volume_driver": "cinder.volume.drivers.rbd.RBDDriver"}, "lvm": {"volume_driver": "cinder.volume.drivers.lvm.LVMVolumeDriver"}})
	r == set()
}

test_driver_in_backend_defaults if {
	r := rule.report with input as _vol({"DEFAULT": {"enabled_backends": "ceph"}, "ceph": {"rbd_pool": "volumes"}, "backend_defaults": {"volume_driver": "cinder.volume.drivers.rbd.RBDDriver"}})
	r == set()
}

test_no_enabled_backends if {
	r := rule.report with input as _vol({"DEFAULT": {"my_ip": "10.0.0.41"}})
	r == set()
}

test_missing_section if {
	r := rule.report with input as _vol({"DEFAULT": {"enabled_backends": "ceph,rbd2"}, "ceph": {"volume_driver": "cinder.volume.drivers.rbd.RBDDriver"}})
	r == {{
		"message": "cinder.conf [DEFAULT] enabled_backends on s1 names backend 'rbd2', but no section [rbd2] is in cinder's files on s1: cinder-volume runs it with the default LVM driver",
		"locations": [{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "DEFAULT", "key": "enabled_backends"}],
	}}
}

test_section_without_driver if {
	r := rule.report with input as _vol({"DEFAULT": {"enabled_backends": "ceph"}, "ceph": {"rbd_pool": "volumes"}})
	r == {{
		"message": "backend [ceph] of cinder.conf [DEFAULT] enabled_backends on s1 sets no volume_driver (s1/etc/cinder/cinder.conf on s1): cinder-volume runs it with the default LVM driver",
		"locations": [
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 10, "column": 1, "section": "ceph", "key": "volume_driver"},
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "DEFAULT", "key": "enabled_backends"},
		],
	}}
}
