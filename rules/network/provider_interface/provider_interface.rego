# METADATA
# title: Provider interface carries the management or tunnel address
# description: |
#   The linuxbridge agent puts the interface of physical_interface_mappings
#   into the bridge of each flat network (and its VLAN devices into those
#   of VLAN networks), moving the interface's addresses onto that bridge.
#   The install guides keep this provider interface unnumbered: when it
#   holds the node's management address (nova's my_ip) or the overlay's
#   local_ip, project traffic shares the wire with the control plane or the
#   tunnels, the node's own address moves between devices as networks come
#   and go, and a mistake in a provider network reaches the management
#   network. The address is read from the node's interface files and from
#   a sos report's ip -d address (also on the agent's brq bridge the
#   interface is a port of).
# custom:
#   id: SL-NET-025
#   scope: node
#   severity: warning
#   inputs: [linuxbridge_agent.ini]
#   remediation: |
#     Map the provider physical network to an interface without an address
#     (physical_interface_mappings = provider:eth1, eth1 configured with
#     no address), and keep management and overlay addresses on others.
package stacklint.rules.network.provider_interface

import data.stacklint.lib
import data.stacklint.lib.interfaces as ifs
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# _held are the addresses an interface holds, or its brq bridge holds.
_held(node, i) := {a | some a in i.addresses} | {a |
	startswith(i.bridge, "brq")
	some a in ifs.iface(node, i.bridge).addresses
}

# _claims are the node's own addresses its services name: [address, what,
# setting, section, key].
_claims(node, m) := {[trim_space(s.value), "management address", s, "DEFAULT", "my_ip"] |
	s := lib.setting(node, lib.compute_kinds, "DEFAULT", "my_ip")
	s.written
} | {[trim_space(s.value), "tunnel local_ip", s, sec, key] |
	[sec, key] := m.agent.local_ip
	s := net.setting(node, m.agent.proc, m.agent.file, sec, key)
	s.written
}

report contains finding if {
	some m in ifs.mappings
	m.key == "physical_interface_mappings"
	node := input.nodes[m.agent.node]
	some [_, k, name] in m.items
	i := ifs.iface(node, name)
	held := _held(node, i)
	found := sort([[what, addr, lib.where(s.file, sec, key), settings.at(s, sec, key)] |
		some [addr, what, s, sec, key] in _claims(node, m)
		addr in held
	])
	count(found) > 0
	finding := {
		"message": sprintf("%s [%s] %s on %s maps physical network '%s' to %s, which holds the node's %s: project traffic shares that interface and the agent moves the address onto its bridges", [m.setting.file.kind, m.section, m.key, node.name, k, name, concat(" and ", [sprintf("%s %s (%s)", [w, a, at]) | some [w, a, at, _] in found])]),
		"locations": array.concat(array.concat([settings.at(m.setting, m.section, m.key)], [loc | some [_, _, _, loc] in found]), [ifs.at(node, i)]),
	}
}
