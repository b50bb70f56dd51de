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

_checks contains [server, peer, "agent_down_time", 2] if {
	some server in input.nodes
	lib.runs(server, "neutron-server")
	some peer in input.nodes
	some s in _agents
	lib.runs(peer, s)
}

report contains finding if {
	some [server, peer, _, _] in _checks
	[down, down_where, down_loc] := _value(server, ["neutron.conf"], "DEFAULT", "agent_down_time", 75)
	[interval, iv_where, iv_loc] := _value(peer, _agent_kinds, "agent", "report_interval", 30)
	down < 2 * interval
	finding := {
		"message": sprintf("%s is %ds, less than twice %s (%ds): neutron agents on %s flap between alive and dead", [down_where, down, iv_where, interval, peer.name]),
		"locations": [l | some l in [down_loc, iv_loc]; l != null],
	}
}

report contains finding if {
	some server in input.nodes
	lib.runs(server, "nova-api")
	some peer in input.nodes
	lib.runs(peer, "nova-compute")
	[down, down_where, down_loc] := _value(server, ["nova.conf"], "DEFAULT", "service_down_time", 60)
	[interval, iv_where, iv_loc] := _value(peer, lib.compute_kinds, "DEFAULT", "report_interval", 10)
	down <= interval
	finding := {
		"message": sprintf("%s is %ds, not more than %s (%ds): nova-compute on %s is seen as down between reports", [down_where, down, iv_where, interval, peer.name]),
		"locations": [l | some l in [down_loc, iv_loc]; l != null],
	}
}
