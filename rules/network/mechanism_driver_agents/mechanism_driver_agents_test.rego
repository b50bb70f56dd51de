package stacklint.rules.network.mechanism_driver_agents_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.mechanism_driver_agents as rule

_ml2(drivers) := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"mechanism_drivers": fx.at(drivers, 4)}})

_lb(node) := fx.file(node, "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true"}})

_input(drivers) := nfx.released([
	fx.node("ctl", ["neutron-server"], [_ml2(drivers)]),
	fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb("cmp1")]),
	fx.node("cmp2", ["neutron-linuxbridge-agent"], [_lb("cmp2")]),
])

test_driver_loaded if {
	r := rule.report with input as _input("linuxbridge,l2population")
	r == set()
}

test_driver_missing if {
	r := rule.report with input as _input("openvswitch,l2population")
	r == {{
		"message": "ml2_conf.ini [ml2] mechanism_drivers on ctl lacks 'linuxbridge', but cmp1, cmp2 run the linuxbridge agent: their ports fail to bind (binding_failed)",
		"locations": [
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 4, "column": 1, "section": "ml2", "key": "mechanism_drivers"},
			{"path": "cmp1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp1"},
		],
	}}
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

# Through the two passes: the server's drivers and the agents come from
# different nodes' records; an OVN-only server (its node's record) drops
# the agents of every other node.
test_two_passes if {
	hit := _input("openvswitch,l2population")
	count(_two_pass(hit)) == 1
	_two_pass(hit) == rule.report with input as hit
	_two_pass(_input("ovn")) == set()
}
