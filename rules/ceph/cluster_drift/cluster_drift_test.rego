package stacklint.rules.ceph.cluster_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.ceph.cluster_drift as rule

_conf(name, fsid, mons) := {
	"kind": "ceph.conf", "path": sprintf("%s/etc/ceph/ceph.conf", [name]), "node": name,
	"ceph": {"global": {"fsid": {"value": fsid, "line": 2}, "mon_host": {"value": mons, "line": 3}}},
}

_n(name, fsid, mons) := fx.node_below(name, [], [_conf(name, fsid, mons)])

_same := fx.deployment([
	_n("c1", "6c2f", "10.0.0.51,10.0.0.52"),
	_n("c2", "6C2F", "[v2:10.0.0.52:3300,v1:10.0.0.52:6789] 10.0.0.51:6789"),
	_n("s1", "6c2f", "10.0.0.52 10.0.0.51"),
])

test_same_cluster_written_differently if {
	r := rule.report with input as _same
	r == set()
}

_drift := fx.deployment([_n("c1", "6c2f", "10.0.0.51,10.0.0.52"), _n("c2", "6c2f", "10.0.0.51,10.0.0.52"), _n("s1", "6c2f", "10.0.0.61")])

test_mon_host_differs if {
	r := rule.report with input as _drift
	r == {{
		"message": "ceph.conf [global] mon_host on s1 is 10.0.0.61, but ceph.conf [global] mon_host on c1 is 10.0.0.51,10.0.0.52 (the nodes' Ceph clients are peers: compared with the majority, 2 of 3): this node's clients reach other monitors than the rest of the deployment, another cluster or none",
		"locations": [
			{"path": "s1/etc/ceph/ceph.conf", "node": "s1", "line": 3, "column": 1, "section": "global", "key": "mon_host"},
			{"path": "c1/etc/ceph/ceph.conf", "node": "c1", "line": 3, "column": 1, "section": "global", "key": "mon_host"},
		],
	}}
}

test_fsid_differs if {
	r := rule.report with input as fx.deployment([_n("c1", "6c2f", "a"), _n("c2", "6c2f", "a"), _n("s1", "9999", "a")])
	count(r) == 1
	some f in r
	f.locations[0].key == "fsid"
}

# Another cluster's file (etc/ceph/backup.conf) is not compared with ceph.conf.
test_other_cluster_apart if {
	other := {"kind": "ceph.conf", "path": "s1/etc/ceph/backup.conf", "node": "s1", "ceph": {"global": {"mon_host": {"value": "10.9.9.9", "line": 3}}}}
	d := fx.deployment([_n("c1", "6c2f", "10.0.0.51"), fx.node_below("s1", [], [_conf("s1", "6c2f", "10.0.0.51"), other])])
	r := rule.report with input as d
	r == set()
}

test_two_passes if {
	agg := {x | some p in passes.parts(_drift); some x in rule.aggregate with input as p}
	r := rule.report with rule.aggregate as agg with input as passes.fleet(_drift)
	count(r) > 0
	r == rule.report with input as _drift
}

# sos reports: the shown path starts with the report's folder, not the
# node's name; copies are compared by their path below the node.
_sos(name, mons) := object.union(fx.node_below(name, [], []), {"files": {"etc/ceph/ceph.conf": object.union(_conf(name, "6c2f", mons), {"path": sprintf("sosreport-%s-2026/etc/ceph/ceph.conf", [name])})}})

test_sos_paths_compared if {
	r := rule.report with input as fx.deployment([_sos("c1", "10.0.0.51"), _sos("c2", "10.0.0.51"), _sos("s1", "10.0.0.61")])
	count(r) == 1
}

# kolla-ansible: nova-compute's and cinder-volume's copies land at
# /etc/ceph/ceph.conf in their containers and are compared.
_kolla(name, container, mons) := fx.node_below(name, [], [object.union(_conf(name, "6c2f", mons), {"path": sprintf("%s/etc/kolla/%s/ceph.conf", [name, container]), "dest": "/etc/ceph/ceph.conf"})])

test_kolla_containers_compared if {
	r := rule.report with input as fx.deployment([_kolla("c1", "nova-compute", "10.0.0.51"), _kolla("c2", "nova-compute", "10.0.0.51"), _kolla("s1", "cinder-volume", "10.0.0.61")])
	count(r) == 1
}
