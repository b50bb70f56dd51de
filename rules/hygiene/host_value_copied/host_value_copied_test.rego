package stacklint.rules.hygiene.host_value_copied_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.host_value_copied as rule

_n(name, ip) := fx.node(name, [], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": {"live_migration_inbound_addr": {"value": ip, "ip": ip, "loopback": false, "line": 3, "column": 1}}})])

test_own if {
	r := rule.report with input as fx.deployment([_n("c1", "10.0.0.31"), _n("c2", "10.0.0.32")])
	r == set()
}

test_copied if {
	r := rule.report with input as fx.deployment([_n("c1", "10.0.0.31"), _n("c2", "10.0.0.31")])
	r == {{
		"message": "nova.conf [libvirt] live_migration_inbound_addr on c2 = 10.0.0.31 is also nova.conf [libvirt] live_migration_inbound_addr on c1: it must name one node",
		"locations": [
			{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 3, "column": 1, "section": "libvirt", "key": "live_migration_inbound_addr"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 3, "column": 1, "section": "libvirt", "key": "live_migration_inbound_addr"},
		],
	}}
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_n("c1", "10.0.0.31"), _n("c2", "10.0.0.31")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
