# METADATA
# title: Tunnel endpoint local_ip is missing or not this node's address
# description: |
#   An L2 agent that carries VXLAN or GRE tunnels terminates them on
#   local_ip (linuxbridge [vxlan] local_ip; Open vSwitch [ovs] local_ip,
#   in ml2_conf.ini before Kilo). Unset or not an IP address, the agent
#   exits at start ("Tunneling can't be enabled with invalid local_ip").
#   An address of another node (a config copied from a peer) makes two nodes
#   claim the same tunnel endpoint; one that is on none of the node's
#   interfaces (when the snapshot has network/interfaces, netplan or ifcfg
#   files) cannot be bound. A different address than my_ip is fine: the
#   overlay may have its own network. local_ip is read in effect: written
#   in any file the agent loads (neutron.conf, its ini file, config-dirs).
# custom:
#   id: SL-NET-006
#   scope: aggregate
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   remediation: |
#     Set local_ip to this node's address on the overlay (or management)
#     network, as in the install guide's OVERLAY_INTERFACE_IP_ADDRESS, and
#     restart the agent.
package stacklint.rules.network.local_ip_invalid

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_local_ip(a) := net.setting(input.nodes[a.node], a.proc, a.file, a.local_ip[0], a.local_ip[1])

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only: agent ini files are leftovers on an OVN-only fleet) and the
# findings of each node's L2 agent ({"finding": finding}), which depend on
# the node alone.
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"finding": finding} if {
	some a in net.node_agents
	count(a.tunnels) > 0
	[section, key] := a.local_ip
	s := _local_ip(a)
	not s.written
	finding := {
		"message": sprintf("the %s agent on %s tunnels (%s) but %s has no local_ip: the agent exits at start", [a.type, a.node, concat(",", sort(a.tunnels)), a.file.kind]),
		"locations": [settings.at(s, section, key)],
	}
}

aggregate contains {"finding": finding} if {
	some a in net.node_agents
	count(a.tunnels) > 0
	[section, key] := a.local_ip
	s := _local_ip(a)
	s.written
	why := _problem(a.node, s.occ)
	finding := {
		"message": sprintf("%s = %s %s: %s", [lib.where(s.file, section, key), s.value, why, "tunnels to this node cannot be built"]),
		"locations": [lib.loc(s.file, section, key, s.occ)],
	}
}

_problem(node, occ) := "is not an IP address" if {
	not occ.ip
	count(object.get(occ, "placeholders", [])) == 0
} else := lib.address_problem(node, occ.ip)

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains r.finding if {
	not _ovn_only
	some r in aggregate
	r.finding
}
