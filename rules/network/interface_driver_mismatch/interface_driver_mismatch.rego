# METADATA
# title: L3/DHCP agent interface_driver does not match the node's L2 agent
# description: |
#   The L3 and DHCP agents plug their ports with [DEFAULT] interface_driver:
#   linuxbridge (neutron.agent.linux.interface.BridgeInterfaceDriver) on a
#   linuxbridge node, openvswitch (OVSInterfaceDriver) on an Open vSwitch
#   node. Without it the agent exits at start ("An interface driver must be
#   specified"); with the other agent's driver, routers and DHCP ports are
#   plugged into bridges nobody wires up.
# custom:
#   id: SL-NET-010
#   severity: error
#   inputs: [dhcp_agent.ini, l3_agent.ini]
#   remediation: |
#     Set interface_driver to the node's L2 agent type (linuxbridge or
#     openvswitch) and restart the agent.
package stacklint.rules.network.interface_driver_mismatch

import data.stacklint.lib
import data.stacklint.lib.network as net

_drivers := {
	"linuxbridge": {"linuxbridge", "neutron.agent.linux.interface.BridgeInterfaceDriver"},
	"openvswitch": {"openvswitch", "neutron.agent.linux.interface.OVSInterfaceDriver"},
}

_agent := {"l3_agent.ini": "neutron-l3-agent", "dhcp_agent.ini": "neutron-dhcp-agent"}

# Only agents the node runs (an untouched packaged file does not count).
_files contains f if {
	some node in input.nodes
	some f in node.files
	lib.runs(node, _agent[f.kind])
	not f.error
}

report contains finding if {
	some f in _files
	not lib.has(f, "DEFAULT", "interface_driver")
	finding := {
		"message": sprintf("%s [DEFAULT] interface_driver is not set on %s: the agent exits at start with 'An interface driver must be specified'", [f.kind, f.node]),
		"locations": [net.at(f, "DEFAULT", "interface_driver")],
	}
}

report contains finding if {
	some f in _files
	occ := lib.last(f, "DEFAULT", "interface_driver")
	types := {a.type | some a in net.agents; a.node == f.node}
	count(types) == 1
	some type in types
	not occ.value in _drivers[type]
	some other, names in _drivers
	occ.value in names
	finding := {
		"message": sprintf("%s [DEFAULT] interface_driver on %s is %s's driver, but the node's L2 agent is %s: its ports are plugged into bridges nothing wires up", [f.kind, f.node, other, type]),
		"locations": [lib.loc(f, "DEFAULT", "interface_driver", occ)],
	}
}
