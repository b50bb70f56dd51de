# METADATA
# title: Physical network not mapped by the L2 agents
# description: |
#   Every physical network declared in [ml2_type_flat] flat_networks or
#   [ml2_type_vlan] network_vlan_ranges must be mapped to an interface or
#   bridge by the L2 agents that host its ports (linuxbridge
#   physical_interface_mappings or bridge_mappings, Open vSwitch
#   bridge_mappings). A physnet no agent maps cannot carry any port; a
#   compute node that lacks a mapping its peers have cannot bind ports on
#   that network, so instances scheduled there fail with binding_failed.
# custom:
#   id: SL-NET-008
#   scope: aggregate
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   defaults:
#     - [ml2_conf.ini, ml2_type_flat, flat_networks]
#     - [ml2_conf.ini, ml2_type_vlan, network_vlan_ranges]
#     - [linuxbridge_agent.ini, linux_bridge, physical_interface_mappings]
#     - [linuxbridge_agent.ini, linux_bridge, bridge_mappings]
#     - [openvswitch_agent.ini, ovs, bridge_mappings]
#   remediation: |
#     Map the physical network on the agent (for example
#     physical_interface_mappings = provider:eth1) and restart it, or remove
#     the physnet from the ML2 configuration.
package stacklint.rules.network.physnet_unmapped

import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only), the physnets its ML2 configuration declares
# ({"physnet": {p, key, section, kind, on, at}}: the option, the kind and
# node of the file that sets it, where) and each node's L2 agents
# ({"agent": {node, type, mappings, at, pure_compute}}: the physnets it
# maps, where, whether the node is a compute node and not a network node).
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"physnet": r} if {
	some [p, s, key] in net.declared_physnets
	section := {"flat_networks": "ml2_type_flat", "network_vlan_ranges": "ml2_type_vlan"}[key]
	r := {"p": p, "key": key, "section": section, "kind": s.file.kind, "on": s.file.node, "at": settings.at(s, section, key)}
}

aggregate contains {"agent": r} if {
	some a in net.node_agents
	r := {"node": a.node, "type": a.type, "mappings": a.mappings, "at": a.mappings_at, "pure_compute": _pure_compute(a.node)}
}

# A compute node lacks a mapping other compute nodes have. Nodes that are
# also network nodes are not peers: their external physnet serves routers.
_pure_compute(name) := true if {
	"compute" in input.nodes[name].roles
	not "network" in input.nodes[name].roles
} else := false

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

# _agents are the fleet's L2 agents (none when every server is OVN-only).
_agents := {r.agent | not _ovn_only; some r in aggregate; r.agent}

_physnets := {r.physnet | some r in aggregate; r.physnet}

report contains finding if {
	count(_agents) > 0
	some d in _physnets
	every a in _agents {
		not d.p in a.mappings
	}
	finding := {
		"message": sprintf("%s [%s] %s on %s declares physical network '%s', but no L2 agent maps it: no port on it can bind", [d.kind, d.section, d.key, d.on, d.p]),
		"locations": [d.at],
	}
}

report contains finding if {
	some p in {d.p | some d in _physnets}
	peers := {a.node | some a in _agents; p in a.mappings; a.pure_compute}
	count(peers) > 0
	some a in _agents
	a.pure_compute
	not p in a.mappings
	finding := {
		"message": sprintf("the %s agent on %s maps no physical network '%s', unlike %s: instances on networks of '%s' fail to bind there", [a.type, a.node, p, concat(", ", sort(peers)), p]),
		"locations": [a.at],
	}
}
