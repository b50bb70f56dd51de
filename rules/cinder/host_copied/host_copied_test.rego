package stacklint.rules.cinder.host_copied_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.cinder.host_copied as rule

_vol(name, host, driver) := fx.node(name, ["cinder-volume"], [fx.file(name, "cinder.conf", "etc/cinder/cinder.conf", {
	"DEFAULT": {"enabled_backends": "lvm", "host": host},
	"lvm": {"volume_driver": driver},
})])

_lvm := "cinder.volume.drivers.lvm.LVMVolumeDriver"

_copied := fx.deployment([_vol("s1", "s1", _lvm), _vol("s2", "s1", _lvm)])

test_own_hosts if {
	r := rule.report with input as fx.deployment([_vol("s1", "s1", _lvm), _vol("s2", "s2", _lvm)])
	r == set()
}

test_shared_storage_one_name if {
	r := rule.report with input as fx.deployment([_vol("s1", "rbd", "cinder.volume.drivers.rbd.RBDDriver"), _vol("s2", "rbd", "cinder.volume.drivers.rbd.RBDDriver")])
	r == set()
}

test_copied_host if {
	r := rule.report with input as _copied
	r == {{
		"message": "cinder.conf [DEFAULT] host on s2 registers the local backend as s1@lvm, as cinder.conf [DEFAULT] host on s1 does: the two cinder-volume services take each other's requests for volumes only one of them holds",
		"locations": [
			{"path": "s2/etc/cinder/cinder.conf", "node": "s2", "line": 1, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

test_two_passes if {
	agg := {x | some p in passes.parts(_copied); some x in rule.aggregate with input as p}
	r := rule.report with rule.aggregate as agg with input as passes.fleet(_copied)
	count(r) > 0
	r == rule.report with input as _copied
}

_unwritten(name) := fx.node(name, ["cinder-volume"], [fx.file(name, "cinder.conf", "etc/cinder/cinder.conf", {
	"DEFAULT": {"enabled_backends": "lvm"},
	"lvm": {"volume_driver": _lvm},
})])

# storage2 copied storage1's name; storage1 writes none and registers
# under its host name.
test_copied_from_a_host_name if {
	r := rule.report with input as fx.deployment([_unwritten("s1"), _vol("s2", "s1", _lvm)])
	r == {{
		"message": "cinder.conf [DEFAULT] host on s2 registers the local backend as s1@lvm, as s1 (no host written: its host name s1) does: the two cinder-volume services take each other's requests for volumes only one of them holds",
		"locations": [
			{"path": "s2/etc/cinder/cinder.conf", "node": "s2", "line": 1, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "s1/etc/cinder/cinder.conf", "node": "s1", "line": 1, "column": 1, "section": "DEFAULT", "key": "enabled_backends"},
		],
	}}
}

# Two nodes writing nothing register under their own names.
test_host_names_apart if {
	r := rule.report with input as fx.deployment([_unwritten("s1"), _unwritten("s2")])
	r == set()
}
