package stacklint.rules.network.l2population_mismatch_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.l2population_mismatch as rule

_ml2(drivers) := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"mechanism_drivers": fx.at(drivers, 4)}})

_lb(l2pop) := fx.file("cmp", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true", "l2_population": fx.at(l2pop, 7)}})

_input(drivers, l2pop) := nfx.released([
	fx.node("ctl", ["neutron-server"], [_ml2(drivers)]),
	fx.node("cmp", ["neutron-linuxbridge-agent"], [_lb(l2pop)]),
])

test_both_sides if {
	r := rule.report with input as _input("linuxbridge,l2population", "true")
	r == set()
}

test_neither_side if {
	r := rule.report with input as _input("linuxbridge", "false")
	r == set()
}

test_agent_only if {
	r := rule.report with input as _input("linuxbridge", "True")
	r == {{
		"message": "linuxbridge agent on cmp enables l2_population, but ml2_conf.ini [ml2] mechanism_drivers on ctl lacks l2population: the agent gets no forwarding entries and tunnelled traffic between instances is lost",
		"locations": [
			{"path": "cmp/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp", "line": 7, "column": 1, "section": "vxlan", "key": "l2_population"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 4, "column": 1, "section": "ml2", "key": "mechanism_drivers"},
		],
	}}
}

test_server_only if {
	r := rule.report with input as _input("linuxbridge,l2population", "false")
	count(r) == 1
}

_lb_on(node, l2pop) := fx.file(node, "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true", "l2_population": fx.at(l2pop, 7)}})

test_agents_of_several_roles_one_finding if {
	ctl := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"mechanism_drivers": fx.at("linuxbridge", 4)}})
	r := rule.report with input as nfx.released([
		fx.node("ctl", ["neutron-server", "neutron-linuxbridge-agent"], [ctl, _lb_on("ctl", "true")]),
		fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb_on("cmp1", "true")]),
		fx.node("cmp2", ["neutron-linuxbridge-agent"], [_lb_on("cmp2", "true")]),
	])
	r == {{
		"message": "ml2_conf.ini [ml2] mechanism_drivers on ctl lacks l2population, but the L2 agents on 3 nodes enable l2_population (linuxbridge on cmp1, linuxbridge on cmp2, linuxbridge on ctl): they get no forwarding entries and tunnelled traffic between instances is lost",
		"locations": [
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 4, "column": 1, "section": "ml2", "key": "mechanism_drivers"},
			{"path": "cmp1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp1", "line": 7, "column": 1, "section": "vxlan", "key": "l2_population"},
			{"path": "cmp2/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp2", "line": 7, "column": 1, "section": "vxlan", "key": "l2_population"},
			{"path": "ctl/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "ctl", "line": 7, "column": 1, "section": "vxlan", "key": "l2_population"},
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
# different nodes' records.
test_two_passes if {
	several := nfx.released([
		fx.node("ctl", ["neutron-server"], [_ml2("linuxbridge")]),
		fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb_on("cmp1", "true")]),
		fx.node("cmp2", ["neutron-linuxbridge-agent"], [_lb_on("cmp2", "true")]),
	])
	every inp in [_input("linuxbridge", "True"), _input("linuxbridge,l2population", "false"), several] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
	_two_pass(_input("ovn", "True")) == set()
}
