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
#   scope: aggregate
#   severity: warning
#   inputs: [neutron.conf]
#   remediation: |
#     Deploy at least as many DHCP/L3 agent nodes as the settings ask for,
#     or lower dhcp_agents_per_network / set l3_ha = false.
package stacklint.rules.network.agent_ha

import data.stacklint.lib

# aggregate: each node ({"node": name, "runs": the DHCP and L3 agents it
# runs}, which the report counts) and each neutron-server's
# dhcp_agents_per_network and l3_ha written in neutron.conf
# ({"dhcp_agents_per_network" | "l3_ha": {where, value, loc}}).
aggregate contains {"node": name, "runs": runs} if {
	some name, node in input.nodes
	runs := {s | some s in ["neutron-dhcp-agent", "neutron-l3-agent"]; lib.runs(node, s)}
}

aggregate contains {key: r} if {
	some f in _servers
	some key in ["dhcp_agents_per_network", "l3_ha"]
	occ := lib.last(f, "DEFAULT", key)
	r := {"where": lib.where(f, "DEFAULT", key), "value": occ.value, "loc": lib.loc(f, "DEFAULT", key, occ)}
}

_servers := [f |
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
]

_nodes := [r | some r in aggregate; r.node]

# _fleet: the snapshot holds more than one node; a lone controller's /etc
# says nothing about how many agent nodes exist.
_fleet if count(_nodes) > 1

_count(service) := count([1 | some r in _nodes; service in r.runs])

report contains finding if {
	_fleet
	some r in aggregate
	s := r.dhcp_agents_per_network
	n := _count("neutron-dhcp-agent")
	n > 0 # no DHCP agent at all: the snapshot lacks the network nodes
	to_number(s.value) > n
	finding := {
		"message": sprintf("%s is %s, but only %d DHCP agent node(s) are in the snapshot: networks get fewer DHCP servers than asked for", [s.where, s.value, n]),
		"locations": [s.loc],
	}
}

report contains finding if {
	_fleet
	some r in aggregate
	s := r.l3_ha
	lower(s.value) in {"true", "1", "yes", "on"}
	n := _count("neutron-l3-agent")
	n == 1
	finding := {
		"message": sprintf("%s is true, but only one L3 agent node is in the snapshot: HA routers need at least two and fail to be created", [s.where]),
		"locations": [s.loc],
	}
}
