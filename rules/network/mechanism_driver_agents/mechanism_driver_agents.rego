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
#   scope: aggregate
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   remediation: |
#     Add the agent's driver to [ml2] mechanism_drivers on every
#     neutron-server node and restart neutron-server.
package stacklint.rules.network.mechanism_driver_agents

import data.stacklint.lib.network as net

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect,
# named and located ({"ml2": {node, drivers, named, at}}: the report
# rebuilds net.ovn_only from them), and each node's L2 agents ({"agent":
# {node, type, path}}).
aggregate contains {"ml2": m} if {
	some f in net.ml2
	m := {
		"node": f.node, "drivers": net.mechanism_drivers(f),
		"named": net.ml2_named(f, "mechanism_drivers"), "at": net.ml2_at(f, "mechanism_drivers"),
	}
}

aggregate contains {"agent": {"node": a.node, "type": a.type, "path": a.file.path}} if some a in net.node_agents

_ml2 := {r.ml2 | some r in aggregate; r.ml2}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of(_ml2)

# _agents are the fleet's L2 agents (none when every server is OVN-only).
_agents := {r.agent | not _ovn_only; some r in aggregate; r.agent}

report contains finding if {
	some m in _ml2
	some type in {a.type | some a in _agents}
	not type in m.drivers
	nodes := sort({a.node | some a in _agents; a.type == type})
	finding := {
		"message": sprintf("%s lacks '%s', but %s run the %s agent: their ports fail to bind (binding_failed)", [m.named, type, concat(", ", nodes), type]),
		"locations": array.concat([m.at], [_agent_at(type, nodes[0])]),
	}
}

_agent_at(type, node) := {"path": a.path, "node": node} if {
	some a in _agents
	a.type == type
	a.node == node
}
