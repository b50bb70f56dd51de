# METADATA
# title: L2 agent maps an interface or bridge that is missing or of the wrong kind
# description: |
#   Each name in the linuxbridge agent's physical_interface_mappings must
#   be a device the agent can add to its own bridge: it exists, it is not a
#   bridge itself (Linux refuses a bridge inside a bridge) and it is not
#   already a port of another bridge or a slave of a bond (a device has one
#   master). Each name in its bridge_mappings must be an existing Linux
#   bridge, and each name in the Open vSwitch agent's bridge_mappings an
#   existing Open vSwitch bridge, and each device of the SR-IOV agent's
#   physical_device_mappings an existing NIC. Otherwise the agent stops at start
#   ("Interface eth1 for physical network provider does not exist. Agent
#   terminated!", "Bridge br-ex for physical network physnet1 does not
#   exist") or cannot plug ports. Facts come from the node's interface
#   files and from a sos report's ip -d address and ovs-vsctl show
#   (command outputs win). "Does not exist" is said only when the node's
#   facts are complete: a sos report's ip -d address (and, for Open
#   vSwitch bridges, ovs-vsctl show) lists every device; interface files
#   describe only what they configure. A node without interface facts is
#   not judged.
# custom:
#   id: SL-NET-024
#   scope: node
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini, plugin.ini, sriov_agent.ini]
#   remediation: |
#     Map each physical network to a device that exists on this node: a
#     NIC, bond or VLAN device without a master for physical_interface_mappings,
#     a Linux bridge for the linuxbridge agent's bridge_mappings, an Open
#     vSwitch bridge (ovs-vsctl add-br br-ex; ovs-vsctl add-port br-ex eth1)
#     for the Open vSwitch agent's bridge_mappings.
package stacklint.rules.network.mapping_interface

import data.stacklint.lib.interfaces as ifs
import data.stacklint.lib.settings

# _kinds names a kind in a message.
_kinds := {
	"bridge": "a Linux bridge", "ovs-bridge": "an Open vSwitch bridge", "ovs-internal": "an Open vSwitch internal port",
	"ovs-port": "an Open vSwitch port", "bond": "a bond", "vlan": "a VLAN device", "ethernet": "a plain device",
	"loopback": "the loopback device",
}

_kind(k) := _kinds[k] if _kinds[k]

else := sprintf("a %s device", [k])

# _problem says what is wrong with name as a mapping of what, on node;
# undefined when nothing is (or nothing can be told).
_problem(node, "interface", name) := "does not exist (ip -d address lists every device)" if ifs.missing(node, name)

_problem(node, "interface", name) := sprintf("is %s: Linux does not put a bridge inside the agent's bridge", [_kind(i.kind)]) if {
	not ifs.missing(node, name)
	i := ifs.iface(node, name)
	i.kind in {"bridge", "ovs-bridge"}
}

_problem(node, "interface", name) := sprintf("is already a port of %s: a device has one master, so the agent cannot add it to its bridge", [i.bridge]) if {
	not ifs.missing(node, name)
	i := ifs.iface(node, name)
	not i.kind in {"bridge", "ovs-bridge"}
	i.bridge != ""
	not startswith(i.bridge, "brq") # the agent's own bridges
}

_problem(node, "interface", name) := sprintf("is a slave of bond %s: map the bond instead", [i.bond]) if {
	not ifs.missing(node, name)
	i := ifs.iface(node, name)
	not i.kind in {"bridge", "ovs-bridge"}
	i.bridge == ""
	i.bond != ""
}

_problem(node, "device", name) := "does not exist (ip -d address lists every device)" if ifs.missing(node, name)

_problem(node, "linux-bridge", name) := "does not exist (ip -d address lists every device)" if ifs.missing(node, name)

_problem(node, "linux-bridge", name) := sprintf("is %s, not a Linux bridge", [_kind(i.kind)]) if {
	not ifs.missing(node, name)
	i := ifs.iface(node, name)
	not i.kind in {"", "bridge"}
}

_problem(node, "ovs-bridge", name) := "is no bridge ovs-vsctl show lists" if {
	"sos-ovs-show" in node.interface_sources
	ifs.ovs_missing(node, name)
}

_problem(node, "ovs-bridge", name) := "does not exist (ip -d address lists every device, OVS bridges included)" if {
	not "sos-ovs-show" in node.interface_sources
	ifs.ovs_missing(node, name)
}

_problem(node, "ovs-bridge", name) := sprintf("is %s, not an Open vSwitch bridge", [_kind(i.kind)]) if {
	not ifs.ovs_missing(node, name)
	i := ifs.iface(node, name)
	not i.kind in {"", "ovs-bridge", "ovs-internal"}
}

report contains finding if {
	some m in ifs.mappings
	node := input.nodes[m.agent.node]
	some [item, k, name] in m.items
	name != ""
	why := _problem(node, m.names, name)
	finding := {
		"message": sprintf("%s [%s] %s on %s maps physical network '%s' to %s, which %s: neutron-%s-agent cannot plug ports of '%s' there", [m.setting.file.kind, m.section, m.key, node.name, k, name, why, m.agent.type, k]),
		"locations": array.concat([settings.at(m.setting, m.section, m.key)], [ifs.at(node, i) | i := ifs.iface(node, name)]),
	}
}
