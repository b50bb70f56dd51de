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

report contains finding if {
	count(net.agents) > 0
	some [p, s, key] in net.declared_physnets
	every a in net.agents {
		not p in a.mappings
	}
	section := {"flat_networks": "ml2_type_flat", "network_vlan_ranges": "ml2_type_vlan"}[key]
	finding := {
		"message": sprintf("%s [%s] %s on %s declares physical network '%s', but no L2 agent maps it: no port on it can bind", [s.file.kind, section, key, s.file.node, p]),
		"locations": [settings.at(s, section, key)],
	}
}

# A compute node lacks a mapping other compute nodes have. Nodes that are
# also network nodes are not peers: their external physnet serves routers.
_pure_compute(name) if {
	"compute" in input.nodes[name].roles
	not "network" in input.nodes[name].roles
}

report contains finding if {
	some [p, _, _] in net.declared_physnets
	peers := {a.node | some a in net.agents; p in a.mappings; _pure_compute(a.node)}
	count(peers) > 0
	some a in net.agents
	_pure_compute(a.node)
	not p in a.mappings
	finding := {
		"message": sprintf("the %s agent on %s maps no physical network '%s', unlike %s: instances on networks of '%s' fail to bind there", [a.type, a.node, p, concat(", ", sort(peers)), p]),
		"locations": [a.mappings_at],
	}
}
