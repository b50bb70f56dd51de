package stacklint.rules.nova.rbd_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.rbd_drift as rule

_cmp(name, uuid) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": {"images_type": "rbd", "rbd_user": "cinder", "rbd_secret_uuid": uuid}})]),
	{"roles": ["compute"]},
)

test_same if {
	r := rule.report with input as fx.deployment([_cmp("c1", "457eb676"), _cmp("c2", "457eb676")])
	r == set()
}

test_uuid_differs if {
	r := rule.report with input as fx.deployment([_cmp("c1", "457eb676"), _cmp("c2", "457eb676"), _cmp("c3", "11111111")])
	r == {{
		"message": "nova.conf [libvirt] rbd_secret_uuid on c3 is 11111111, but nova.conf [libvirt] rbd_secret_uuid on c1 is 457eb676 (Ceph-backed compute nodes are peers, none is the authority: compared with the majority, 2 of 3): disks and volumes do not open after migration on this node",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 1, "column": 1, "section": "libvirt", "key": "rbd_secret_uuid"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "rbd_secret_uuid"},
		],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_cmp("c1", "457eb676"), _cmp("c2", "457eb676"), _cmp("c3", "11111111")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}

# sos masks rbd_secret_uuid: a masked copy is unknown, equal to nothing.
test_masked_not_compared if {
	masked := {"value": "*********", "line": 1, "column": 1, "secret": true, "masked": true}
	r := rule.report with input as fx.deployment([_cmp("c1", "457eb676"), _cmp("c2", masked), _cmp("c3", masked)])
	r == set()
}
