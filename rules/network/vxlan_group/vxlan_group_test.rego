package stacklint.rules.network.vxlan_group_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.vxlan_group as rule

_lb(vx) := fx.node("c1", ["neutron-linuxbridge-agent"], [fx.file("c1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": vx})])

test_l2pop if {
	r := rule.report with input as nfx.released([_lb({"enable_vxlan": "true", "l2_population": "true"})])
	r == set()
}

test_no_vxlan if {
	r := rule.report with input as nfx.released([_lb({"enable_vxlan": "false"})])
	r == set()
}

test_bad_group if {
	r := rule.report with input as nfx.released([_lb({"l2_population": "true", "vxlan_group": "10.0.0.1"})])
	r == {{
		"message": "linuxbridge_agent.ini [vxlan] vxlan_group on c1 is '10.0.0.1', not a multicast group: the linuxbridge agent on c1 refuses to start",
		"locations": [{"path": "c1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c1", "line": 1, "column": 1, "section": "vxlan", "key": "vxlan_group"}],
	}}
}

test_multicast_flooding if {
	r := rule.report with input as nfx.released([_lb({"l2_population": "false"})])
	count(r) == 1
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

# Through the two passes: a server loading l2population (or OVN alone) on
# another node, from its record, silences the agents' findings.
_with_server(drivers, vx) := nfx.released([
	fx.node("ctl", ["neutron-server"], [fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"mechanism_drivers": drivers}})]),
	_lb(vx),
])

test_two_passes if {
	every inp in [_with_server("linuxbridge", {"l2_population": "false"}), _with_server("linuxbridge,l2population", {"l2_population": "true", "vxlan_group": "10.0.0.1"})] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
	_two_pass(_with_server("linuxbridge,l2population", {"l2_population": "false"})) == set()
	_two_pass(_with_server("ovn", {"l2_population": "false", "vxlan_group": "10.0.0.1"})) == set()
}
