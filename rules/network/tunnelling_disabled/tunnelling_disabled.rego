# METADATA
# title: L2 agent does not carry the project network's tunnel type
# description: |
#   When vxlan, gre or geneve is a project network type, every L2 agent
#   must be able to build that tunnel: the linuxbridge agent needs [vxlan]
#   enable_vxlan = true (it cannot do gre or geneve at all), and the
#   Open vSwitch agent needs the type in [agent] tunnel_types (until Kilo,
#   [ovs] enable_tunneling = true with no tunnel_types meant gre; [ovs]
#   tunnel_type alone is the server plugin's option, which the agent does
#   not read). Otherwise ports on those nodes cannot bind to project
#   networks.
# custom:
#   id: SL-NET-005
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   remediation: |
#     Enable the tunnel type on the agent (enable_vxlan = true, or add it to
#     tunnel_types) with a local_ip, and restart the agent.
package stacklint.rules.network.tunnelling_disabled

import data.stacklint.lib.network as net

report contains finding if {
	some f in net.ml2
	some t in net.tenant_types(f)
	t in net.tunnel_types
	some a in net.agents
	not t in a.tunnels
	finding := {
		"message": sprintf("%s on %s makes '%s' a project network type, but the %s agent on %s %s: its ports cannot join those networks", [f.kind, f.node, t, a.type, a.node, _why(a, t)]),
		"locations": [a.tunnel_at, net.at(f, "ml2", net.tenant_key(f))],
	}
}

_why(a, t) := sprintf("cannot build %s tunnels", [t]) if {
	a.type == "linuxbridge"
	t != "vxlan"
} else := "has enable_vxlan off" if {
	a.type == "linuxbridge"
} else := "builds no tunnel: [ovs] tunnel_type is the server plugin's option, and without [agent] tunnel_types only enable_tunneling = true turns gre on" if {
	count(a.tunnels) == 0
	a.file.sections.ovs.tunnel_type
} else := sprintf("does not list %s in its tunnel types", [t])
