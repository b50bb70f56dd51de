# METADATA
# title: Agent HA settings ask for more agents than there are
# description: |
#   neutron-server schedules each network on dhcp_agents_per_network DHCP
#   agents and, with l3_ha = true, each router on up to
#   max_l3_agents_per_router L3 agents (at least two). With fewer agent
#   nodes than that, networks run without the redundancy the setting
#   promises, and with l3_ha on a single L3 agent every HA router creation
#   fails ("Not enough l3 agents available to ensure HA").
# custom:
#   id: SL-NET-012
#   severity: warning
#   inputs: [neutron.conf]
#   remediation: |
#     Deploy at least as many DHCP/L3 agent nodes as the settings ask for,
#     or lower dhcp_agents_per_network / set l3_ha = false.
package stacklint.rules.network.agent_ha

import data.stacklint.lib

# _fleet: the snapshot holds more than one node; a lone controller's /etc
# says nothing about how many agent nodes exist.
_fleet if count(input.nodes) > 1

_count(service) := count([1 | some node in input.nodes; lib.runs(node, service)])

_servers := [f |
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
]

report contains finding if {
	_fleet
	some f in _servers
	occ := lib.last(f, "DEFAULT", "dhcp_agents_per_network")
	n := _count("neutron-dhcp-agent")
	n > 0 # no DHCP agent at all: the snapshot lacks the network nodes
	to_number(occ.value) > n
	finding := {
		"message": sprintf("%s is %s, but only %d DHCP agent node(s) are in the snapshot: networks get fewer DHCP servers than asked for", [lib.where(f, "DEFAULT", "dhcp_agents_per_network"), occ.value, n]),
		"locations": [lib.loc(f, "DEFAULT", "dhcp_agents_per_network", occ)],
	}
}

report contains finding if {
	_fleet
	some f in _servers
	occ := lib.last(f, "DEFAULT", "l3_ha")
	lower(occ.value) in {"true", "1", "yes", "on"}
	n := _count("neutron-l3-agent")
	n == 1
	finding := {
		"message": sprintf("%s is true, but only one L3 agent node is in the snapshot: HA routers need at least two and fail to be created", [lib.where(f, "DEFAULT", "l3_ha")]),
		"locations": [lib.loc(f, "DEFAULT", "l3_ha", occ)],
	}
}
