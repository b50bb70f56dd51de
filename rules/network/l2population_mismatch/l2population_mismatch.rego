# METADATA
# title: l2population enabled on one side only
# description: |
#   With the l2population mechanism driver, neutron-server tells tunnelling
#   agents where every port lives, and agents with l2_population = true
#   program forwarding entries from it instead of flooding. Both sides must
#   agree: agents that enable l2_population while no server loads the
#   driver get no forwarding entries (on linuxbridge, VXLAN traffic between
#   instances is dropped); agents that leave it off while the server loads
#   it ignore the updates and rely on flooding the overlay may not carry.
# custom:
#   id: SL-NET-004
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   remediation: |
#     Add l2population to [ml2] mechanism_drivers and set l2_population = true
#     on every tunnelling agent (or remove it on both sides), then restart
#     neutron-server and the agents.
package stacklint.rules.network.l2population_mismatch

import data.stacklint.lib.network as net

_server_l2pop := {f | some f in net.ml2; "l2population" in net.mechanism_drivers(f)}

report contains finding if {
	count(net.ml2) > 0
	count(_server_l2pop) == 0
	some a in net.agents
	count(a.tunnels) > 0
	a.l2pop
	some f in net.ml2
	finding := {
		"message": sprintf("%s agent on %s enables l2_population, but %s [ml2] mechanism_drivers on %s lacks l2population: the agent gets no forwarding entries and tunnelled traffic between instances is lost", [a.type, a.node, f.kind, f.node]),
		"locations": [a.l2pop_at, net.at(f, "ml2", "mechanism_drivers")],
	}
}

report contains finding if {
	some f in _server_l2pop
	some a in net.agents
	count(a.tunnels) > 0
	not a.l2pop
	finding := {
		"message": sprintf("%s [ml2] mechanism_drivers on %s loads l2population, but the %s agent on %s leaves l2_population off: it ignores the forwarding updates and floods instead", [f.kind, f.node, a.type, a.node]),
		"locations": [a.l2pop_at, net.at(f, "ml2", "mechanism_drivers")],
	}
}
