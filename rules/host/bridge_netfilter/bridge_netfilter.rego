# METADATA
# title: Bridge netfilter switched off where security groups need it
# description: |
#   The linuxbridge agent and the OVS agent with the iptables_hybrid driver
#   filter instance traffic with iptables on Linux bridges, which works only
#   while net.bridge.bridge-nf-call-iptables (and -ip6tables) is 1. A
#   sysctl file that sets them to 0 (common on hosts prepared for other
#   software) turns security groups off for bridged traffic after each boot,
#   until the agent sets them again (Newton and later) or for good (older).
# custom:
#   id: SL-HOST-001
#   scope: aggregate
#   severity: warning
#   inputs: [sysctl]
#   remediation: |
#     Set net.bridge.bridge-nf-call-iptables = 1 and
#     net.bridge.bridge-nf-call-ip6tables = 1 in /etc/sysctl.d/, and list
#     br_netfilter in /etc/modules-load.d/.
package stacklint.rules.host.bridge_netfilter

import data.stacklint.lib
import data.stacklint.lib.host
import data.stacklint.lib.network as net

_keys := ["net.bridge.bridge-nf-call-iptables", "net.bridge.bridge-nf-call-ip6tables"]

_iptables(a) if a.type == "linuxbridge"

_iptables(a) if {
	a.type == "openvswitch"
	contains(lower(lib.last(a.file, "securitygroup", "firewall_driver").value), "hybrid")
}

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only: agent ini files are leftovers on an OVN-only fleet) and the
# finding of each node's agent ({"finding": finding}), which depends on
# the node alone.
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"finding": finding} if {
	some a in net.node_agents
	_iptables(a)
	node := input.nodes[a.node]
	some key in _keys
	[f, d] := host.sysctl(node, key)
	trim_space(d.args[0]) == "0"
	finding := {
		"message": sprintf("%s sets %s = 0 on %s, whose %s agent filters security groups with iptables on bridges: instance traffic is not filtered", [f.path, key, a.node, a.type]),
		"locations": [host.dloc(f, d)],
	}
}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains r.finding if {
	not _ovn_only
	some r in aggregate
	r.finding
}
