# METADATA
# description: |
#   The interface facts the networking rules share: nodes.<n>.interfaces
#   (per name: kind, mtu, members, parent, bridge, bond, addresses,
#   sources), merged in Go from interface files and sos command outputs,
#   and the L2 agents' mapping options read as neutron's
#   helpers.parse_mappings reads them.
package stacklint.lib.interfaces

import data.stacklint.lib
import data.stacklint.lib.network as net

# complete: the node's interface facts list every device it has: ip -d
# address of a sos report shows the running node's every interface.
# Interface files describe only the devices they configure (an unnumbered
# provider NIC often has no stanza), so a name they do not describe may
# still exist: no rule says "does not exist" from files alone.
complete(node) if "sos-ip-address" in object.get(node, "interface_sources", [])

# ovs_complete: the node's Open vSwitch bridges are all known (ovs-vsctl
# show, or ip -d address, where every OVS bridge has its internal device).
ovs_complete(node) if complete(node)

ovs_complete(node) if "sos-ovs-show" in object.get(node, "interface_sources", [])

# missing: node's complete facts (ip -d address) do not show name running
# (interface files may still describe it).
missing(node, name) if {
	complete(node)
	not _shown(node, name, "sos-ip-address")
	not _shown(node, name, "sos-ovs-show")
}

# ovs_missing: ovs-vsctl show lists no bridge name, or, without it, ip -d
# address shows no device name.
ovs_missing(node, name) if {
	"sos-ovs-show" in node.interface_sources
	not _ovs_bridge_shown(node, name)
}

ovs_missing(node, name) if {
	not "sos-ovs-show" in node.interface_sources
	missing(node, name)
}

_shown(node, name, kind) if {
	some s in iface(node, name).sources
	s.kind == kind
}

_ovs_bridge_shown(node, name) if {
	_shown(node, name, "sos-ovs-show")
	iface(node, name).kind == "ovs-bridge"
}

# iface is the named interface's facts on node; undefined when unknown.
iface(node, name) := object.get(node, "interfaces", {})[name]

# at is where an interface's facts come from: the first source's line.
at(node, i) := {"path": s.path, "node": node.name, "line": s.line, "column": 1} if {
	s := i.sources[0]
}

# mapping_options are the agents' mapping options: [agent type, section,
# key, what the values name] (linuxbridge interfaces and Linux bridges,
# Open vSwitch bridges).
mapping_options := [
	["linuxbridge", "linux_bridge", "physical_interface_mappings", "interface"],
	["linuxbridge", "linux_bridge", "bridge_mappings", "linux-bridge"],
	["openvswitch", "ovs", "bridge_mappings", "ovs-bridge"],
]

# mappings: {agent, section, key, names, unique, setting, items: [[item,
# key, value]]} for each mapping option an agent of the part has in effect
# (written: the default is empty in every release). Items are split at
# commas and stripped, as parse_mappings does; an item without exactly
# one ':' has key and value "". unique: the agent refuses repeated keys
# and values (the SR-IOV agent maps a physical network to several
# devices: parse_mappings(unique_keys=False, unique_values=False)).
mappings contains m if {
	some a in net.node_agents
	some [type, section, key, names] in mapping_options
	a.type == type
	s := net.setting(input.nodes[a.node], a.proc, a.file, section, key)
	s.written
	is_string(s.value)
	m := {"agent": a, "section": section, "key": key, "names": names, "unique": true, "setting": s, "items": _items(s.value)}
}

# The SR-IOV NIC agent's [sriov_nic] physical_device_mappings name the
# physical functions (NICs) it manages.
mappings contains m if {
	some name, node in input.nodes
	lib.runs(node, "neutron-sriov-nic-agent")
	some f in node.files
	f.kind == "sriov_agent.ini"
	not f.error
	s := net.setting(node, "neutron-sriov-nic-agent", f, "sriov_nic", "physical_device_mappings")
	s.written
	is_string(s.value)
	a := {"node": name, "type": "sriov-nic", "proc": "neutron-sriov-nic-agent", "file": f}
	m := {"agent": a, "section": "sriov_nic", "key": "physical_device_mappings", "names": "device", "unique": false, "setting": s, "items": _items(s.value)}
}

_items(v) := [[item, k, val] |
	some x in split(v, ",")
	item := trim_space(x)
	item != ""
	[k, val] := _pair(item)
]

_pair(item) := [trim_space(p[0]), trim_space(p[1])] if {
	p := split(item, ":")
	count(p) == 2
} else := ["", ""]
