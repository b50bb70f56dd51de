package stacklint.rules.network.local_ip_duplicate_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.local_ip_duplicate as rule

_ovs(node, ip) := fx.file(node, "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {
	"agent": {"tunnel_types": "vxlan"},
	"ovs": {"local_ip": {"value": ip, "ip": ip, "line": 3, "column": 1}},
})

_input(ip1, ip2) := fx.deployment([
	fx.node("a", ["neutron-openvswitch-agent"], [_ovs("a", ip1)]),
	fx.node("b", ["neutron-openvswitch-agent"], [_ovs("b", ip2)]),
])

test_unique if {
	r := rule.report with input as _input("10.0.1.1", "10.0.1.2")
	r == set()
}

test_shared if {
	r := rule.report with input as _input("10.0.1.1", "10.0.1.1")
	r == {{
		"message": "openvswitch_agent.ini [ovs] local_ip on b = 10.0.1.1 is also openvswitch_agent.ini [ovs] local_ip on a: the two tunnel endpoints collide",
		"locations": [
			{"path": "b/etc/neutron/plugins/ml2/openvswitch_agent.ini", "node": "b", "line": 3, "column": 1, "section": "ovs", "key": "local_ip"},
			{"path": "a/etc/neutron/plugins/ml2/openvswitch_agent.ini", "node": "a", "line": 3, "column": 1, "section": "ovs", "key": "local_ip"},
		],
	}}
}

test_known_owner_left_to_local_ip_invalid if {
	inp := object.union(_input("10.0.1.1", "10.0.1.1"), {
		"known_owners": {"10.0.1.1": "a"},
		"nodes": {"a": {"known_addresses": ["10.0.1.1"]}},
	})
	r := rule.report with input as inp
	r == set()
}

test_a_copy_with_an_address_problem_blames_nobody if {
	inp := object.union(_input("10.0.1.1", "10.0.1.1"), {"nodes": {"a": {"interface_addresses": ["10.0.0.1"]}}})
	r := rule.report with input as inp
	r == set()
}

# _two_pass is the rule's report as the engine's two passes give it: its
# aggregate computed on each node's part alone, the report over the
# fleet-wide facts with aggregate the union of the parts' records.
_two_pass(doc) := r if {
	recs := {x |
		some name, _ in doc.nodes
		agg := rule.aggregate with input as nfx.part(doc, name)
		some x in agg
	}
	r := rule.report with input as nfx.fleet(doc) with rule.aggregate as recs
}

# Through the two passes: each node's record holds its own copy, and an
# address problem (the node's interfaces, known addresses) is judged on the
# node's part: the fleet pass has no nodes.
test_two_passes if {
	hit := _input("10.0.1.1", "10.0.1.1")
	count(_two_pass(hit)) == 1
	_two_pass(hit) == rule.report with input as hit
	_two_pass(object.union(hit, {"nodes": {"a": {"interface_addresses": ["10.0.0.1"]}}})) == set()
	_two_pass(object.union(hit, {"known_owners": {"10.0.1.1": "a"}, "nodes": {"a": {"known_addresses": ["10.0.1.1"]}}})) == set()
}
