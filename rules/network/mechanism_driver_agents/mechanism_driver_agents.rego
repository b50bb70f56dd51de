# METADATA
# title: Mechanism drivers do not cover the deployed L2 agents
# description: |
#   neutron-server binds a port on a host only through a mechanism driver
#   for the L2 agent that runs there: linuxbridge for
#   linuxbridge_agent.ini, openvswitch for openvswitch_agent.ini (or the
#   Icehouse-era [ovs] options in ml2_conf.ini). When [ml2]
#   mechanism_drivers lacks the agent's driver, every port on those nodes
#   ends in binding_failed and instances go to ERROR.
# custom:
#   id: SL-NET-003
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   remediation: |
#     Add the agent's driver to [ml2] mechanism_drivers on every
#     neutron-server node and restart neutron-server.
package stacklint.rules.network.mechanism_driver_agents

import data.stacklint.lib.network as net

report contains finding if {
	some f in net.ml2
	drivers := net.mechanism_drivers(f)
	some type in {a.type | some a in net.agents}
	not type in drivers
	nodes := sort({a.node | some a in net.agents; a.type == type})
	finding := {
		"message": sprintf("%s lacks '%s', but %s run the %s agent: their ports fail to bind (binding_failed)", [net.ml2_named(f, "mechanism_drivers"), type, concat(", ", nodes), type]),
		"locations": array.concat([net.ml2_at(f, "mechanism_drivers")], [_agent_at(type, nodes[0])]),
	}
}

_agent_at(type, node) := {"path": a.file.path, "node": node} if {
	some a in net.agents
	a.type == type
	a.node == node
}
