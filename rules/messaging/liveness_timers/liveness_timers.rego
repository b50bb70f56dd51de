# METADATA
# title: Liveness timers make services flap between up and down
# description: |
#   Services report over RPC every report_interval seconds, and the
#   controllers declare them dead after a silence longer than their down
#   time. neutron-server's agent_down_time must be at least twice the
#   agents' [agent] report_interval (neutron's own help says so), and nova's
#   service_down_time on the controllers must exceed the computes'
#   report_interval. Otherwise agents and computes flap dead/alive, and the
#   scheduler skips hosts that are fine.
# custom:
#   id: SL-MQ-007
#   scope: aggregate
#   severity: warning
#   inputs: [neutron.conf, nova.conf]
#   remediation: |
#     Keep the defaults (agent_down_time = 75 with report_interval = 30,
#     service_down_time = 60 with report_interval = 10) or raise the down
#     time with the interval.
package stacklint.rules.messaging.liveness_timers

import data.stacklint.lib

_agent_kinds := ["neutron.conf", "linuxbridge_agent.ini", "openvswitch_agent.ini", "l3_agent.ini", "dhcp_agent.ini", "metadata_agent.ini"]

_agents := {"neutron-linuxbridge-agent", "neutron-openvswitch-agent", "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent"}

# _value is [seconds, location text, location] of an option on a node, or
# its default.
_value(node, kinds, section, key, dflt) := [to_number(occ.value), lib.where(f, section, key), lib.loc(f, section, key, occ)] if {
	[f, occ] := lib.effective(node, kinds, section, key)
} else := [dflt, sprintf("[%s] %s on %s (default)", [section, key, node.name]), null]

# aggregate: the down time of each node running neutron-server or nova-api
# ({"server": [project, [seconds, where, loc]]}) and the report interval of
# each node running a neutron agent or nova-compute ({"peer": [project,
# node, [seconds, where, loc]]}), each from its own node's files; the
# report pairs every server with every peer of its project.
aggregate contains {"server": ["neutron", _value(node, ["neutron.conf"], "DEFAULT", "agent_down_time", 75)]} if {
	some node in input.nodes
	lib.runs(node, "neutron-server")
}

aggregate contains {"peer": ["neutron", node.name, _value(node, _agent_kinds, "agent", "report_interval", 30)]} if {
	some node in input.nodes
	some s in _agents
	lib.runs(node, s)
}

aggregate contains {"server": ["nova", _value(node, ["nova.conf"], "DEFAULT", "service_down_time", 60)]} if {
	some node in input.nodes
	lib.runs(node, "nova-api")
}

aggregate contains {"peer": ["nova", node.name, _value(node, lib.compute_kinds, "DEFAULT", "report_interval", 10)]} if {
	some node in input.nodes
	lib.runs(node, "nova-compute")
}

_servers(project) := {r.server[1] | some r in aggregate; r.server[0] == project}

_peers(project) := {[r.peer[1], r.peer[2]] | some r in aggregate; r.peer[0] == project}

report contains finding if {
	some [down, down_where, down_loc] in _servers("neutron")
	some [peer, [interval, iv_where, iv_loc]] in _peers("neutron")
	down < 2 * interval
	finding := {
		"message": sprintf("%s is %ds, less than twice %s (%ds): neutron agents on %s flap between alive and dead", [down_where, down, iv_where, interval, peer]),
		"locations": [l | some l in [down_loc, iv_loc]; l != null],
	}
}

report contains finding if {
	some [down, down_where, down_loc] in _servers("nova")
	some [peer, [interval, iv_where, iv_loc]] in _peers("nova")
	down <= interval
	finding := {
		"message": sprintf("%s is %ds, not more than %s (%ds): nova-compute on %s is seen as down between reports", [down_where, down, iv_where, interval, peer]),
		"locations": [l | some l in [down_loc, iv_loc]; l != null],
	}
}
