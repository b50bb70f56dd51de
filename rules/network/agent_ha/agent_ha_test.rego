package stacklint.rules.network.agent_ha_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.agent_ha as rule

_d(opts, agents) := fx.deployment(array.concat(
	[fx.node("c", ["neutron-server"], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": opts})])],
	[fx.node(sprintf("n%d", [i]), ["neutron-dhcp-agent", "neutron-l3-agent"], []) | some i in numbers.range(1, agents)],
))

test_enough_agents if {
	r := rule.report with input as _d({"dhcp_agents_per_network": "2", "l3_ha": "true"}, 2)
	r == set()
}

test_l3_ha_one_agent if {
	r := rule.report with input as _d({"l3_ha": "True"}, 1)
	r == {{
		"message": "neutron.conf [DEFAULT] l3_ha on c is true, but only one L3 agent node is in the snapshot: HA routers need at least two and fail to be created",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "l3_ha"}],
	}}
}

test_dhcp_per_network if {
	r := rule.report with input as _d({"dhcp_agents_per_network": "3"}, 2)
	count(r) == 1
}

test_lone_controller if {
	r := rule.report with input as _d({"l3_ha": "true"}, 0)
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

# Through the two passes: the number of nodes and of agent nodes is
# counted from each node's record.
test_two_passes if {
	every inp in [_d({"l3_ha": "True"}, 1), _d({"dhcp_agents_per_network": "3"}, 2)] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
	_two_pass(_d({"l3_ha": "true"}, 0)) == set()
}
