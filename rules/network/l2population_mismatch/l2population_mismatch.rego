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
#   Both sides are read in effect for their process: written in any file it
#   loads (neutron.conf, the ML2 or agent ini, config-dirs), else the
#   release's default (l2_population false, mechanism_drivers none).
# custom:
#   id: SL-NET-004
#   scope: aggregate
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   defaults:
#     - [ml2_conf.ini, ml2, mechanism_drivers]
#     - [linuxbridge_agent.ini, vxlan, l2_population]
#     - [openvswitch_agent.ini, agent, l2_population]
#     - [linuxbridge_agent.ini, vxlan, enable_vxlan]
#     - [openvswitch_agent.ini, agent, tunnel_types]
#   remediation: |
#     Add l2population to [ml2] mechanism_drivers and set l2_population = true
#     on every tunnelling agent (or remove it on both sides), then restart
#     neutron-server and the agents.
package stacklint.rules.network.l2population_mismatch

import data.stacklint.lib
import data.stacklint.lib.network as net

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect,
# named and located ({"ml2": {node, drivers, named, at}}: the report
# rebuilds net.ovn_only from them),
# and each node's tunnelling L2 agents ({"agent": {node, type, l2pop,
# l2pop_known, l2pop_at, elsewhere, how}}).
aggregate contains {"ml2": m} if {
	some f in net.ml2
	m := {
		"node": f.node, "drivers": net.mechanism_drivers(f),
		"named": net.ml2_named(f, "mechanism_drivers"), "at": net.ml2_at(f, "mechanism_drivers"),
	}
}

aggregate contains {"agent": r} if {
	some a in net.node_agents
	count(a.tunnels) > 0
	r := {
		"node": a.node, "type": a.type, "l2pop": a.l2pop, "l2pop_known": a.l2pop_known,
		"l2pop_at": a.l2pop_at, "elsewhere": _elsewhere(a), "how": _how(a),
	}
}

_ml2 := {r.ml2 | some r in aggregate; r.ml2}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of(_ml2)

# _agents are the fleet's tunnelling L2 agents (none when every server is
# OVN-only).
_agents := {r.agent | not _ovn_only; some r in aggregate; r.agent}

_server_l2pop := {f | some f in _ml2; "l2population" in f.drivers}

report contains finding if {
	some f in _ml2
	count(_l2pop_agents) == 1
	some a in _l2pop_agents
	finding := {
		"message": sprintf("%s agent on %s enables l2_population%s, but %s lacks l2population: the agent gets no forwarding entries and tunnelled traffic between instances is lost", [a.type, a.node, a.elsewhere, f.named]),
		"locations": [a.l2pop_at, f.at],
	}
}

# Several agents enabling l2_population against one server's drivers are
# one fault, the server's: one finding at its mechanism_drivers, each
# agent's setting a related location.
report contains finding if {
	some f in _ml2
	count(_l2pop_agents) > 1
	agents := sort([[a.node, a.type, a] | some a in _l2pop_agents])
	finding := {
		"message": sprintf("%s lacks l2population, but the L2 agents on %d nodes enable l2_population (%s): they get no forwarding entries and tunnelled traffic between instances is lost", [f.named, count({a[0] | some a in agents}), lib.listed([sprintf("%s on %s", [a[1], a[0]]) | some a in agents])]),
		"locations": array.concat([f.at], [a[2].l2pop_at | some a in agents]),
	}
}

# _l2pop_agents are the tunnelling agents enabling l2_population when no
# server loads the l2population driver.
_l2pop_agents contains a if {
	count(_ml2) > 0
	count(_server_l2pop) == 0
	some a in _agents
	a.l2pop
}

report contains finding if {
	some f in _server_l2pop
	some a in _agents
	a.l2pop_known
	not a.l2pop
	finding := {
		"message": sprintf("%s loads l2population, but the %s agent on %s leaves l2_population off%s: it ignores the forwarding updates and floods instead", [f.named, a.type, a.node, a.how]),
		"locations": [a.l2pop_at, f.at],
	}
}

# _elsewhere names the file that sets l2_population when it is not the
# agent's own ini (neutron.conf or a config-dir the agent also loads).
_elsewhere(a) := "" if a.l2pop_setting.file.path == a.file.path

else := sprintf(" (in %s)", [a.l2pop_setting.file.path])

# _how says how the agent leaves it off: written elsewhere, or unset (its
# release's default).
_how(a) := "" if net.note(a.l2pop_setting, a.file) == ""

else := sprintf(" (%s)", [net.note(a.l2pop_setting, a.file)])
