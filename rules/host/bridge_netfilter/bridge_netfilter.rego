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
#   scope: node
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

report contains finding if {
	some a in net.agents
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
