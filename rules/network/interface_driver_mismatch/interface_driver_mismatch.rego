# METADATA
# title: L3/DHCP agent interface_driver does not match the node's L2 agent
# description: |
#   The L3 and DHCP agents plug their ports with [DEFAULT] interface_driver:
#   linuxbridge (neutron.agent.linux.interface.BridgeInterfaceDriver) on a
#   linuxbridge node, openvswitch (OVSInterfaceDriver) on an Open vSwitch
#   node. Without it the agent exits at start ("An interface driver must be
#   specified"); with the other agent's driver, routers and DHCP ports are
#   plugged into bridges nobody wires up. Unset, the release's default
#   applies: none until 2024.2 (the agent exits), openvswitch from 2025.1,
#   which is judged as a written value is.
# custom:
#   id: SL-NET-010
#   scope: aggregate
#   severity: error
#   inputs: [dhcp_agent.ini, l3_agent.ini]
#   defaults:
#     - [l3_agent.ini, DEFAULT, interface_driver]
#     - [dhcp_agent.ini, DEFAULT, interface_driver]
#   remediation: |
#     Set interface_driver to the node's L2 agent type (linuxbridge or
#     openvswitch) and restart the agent.
package stacklint.rules.network.interface_driver_mismatch

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_drivers := {
	"linuxbridge": {"linuxbridge", "neutron.agent.linux.interface.BridgeInterfaceDriver"},
	"openvswitch": {"openvswitch", "neutron.agent.linux.interface.OVSInterfaceDriver"},
}

_agent := {"l3_agent.ini": "neutron-l3-agent", "dhcp_agent.ini": "neutron-dhcp-agent"}

# _settings: [file, setting] of interface_driver for each agent the node
# runs (an untouched packaged file does not count): written, or the
# release's default.
_settings contains [f, s] if {
	some node in input.nodes
	some f in node.files
	lib.runs(node, _agent[f.kind])
	not f.error
	s := lib.setting(node, [f.kind], "DEFAULT", "interface_driver")
}

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only: agent ini files are leftovers on an OVN-only fleet), the
# finding of each L3 or DHCP agent without an interface driver
# ({"unset": finding}) and of each whose driver does not fit its node's L2
# agent ({"finding": finding}); each depends on its node alone.
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"unset": finding} if {
	some [f, s] in _settings
	not s.written
	trim_space(s.value) == ""
	finding := {
		"message": sprintf("%s, so the agent exits at start with 'An interface driver must be specified'", [settings.unset(s, "DEFAULT", "interface_driver")]),
		"locations": [settings.at(s, "DEFAULT", "interface_driver")],
	}
}

aggregate contains {"finding": finding} if {
	some [f, s] in _settings
	types := {a.type | some a in net.node_agents; a.node == f.node}
	count(types) == 1
	some type in types
	not s.value in _drivers[type]
	some other, names in _drivers
	s.value in names
	finding := {
		"message": sprintf("%s %s's driver, but the node's L2 agent is %s: its ports are plugged into bridges nothing wires up", [_lead(s), other, type]),
		"locations": [settings.at(s, "DEFAULT", "interface_driver")],
	}
}

# _lead names the value: written, or the release's default.
# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains r.unset if {
	some r in aggregate
	r.unset
}

report contains r.finding if {
	not _ovn_only
	some r in aggregate
	r.finding
}

_lead(s) := sprintf("%s is", [lib.where(s.file, "DEFAULT", "interface_driver")]) if s.written

else := sprintf("%s, is", [settings.unset(s, "DEFAULT", "interface_driver")])
