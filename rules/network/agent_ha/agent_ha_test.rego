package stacklint.rules.network.agent_ha_test

import data.stacklint.fixtures as fx
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
