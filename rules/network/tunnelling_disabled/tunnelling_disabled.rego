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
#   networks. Options are read in effect for the process: written in any
#   file it loads (neutron.conf, its ini file, config-dirs such as RDO's
#   conf.d/<process>), else the release's default (enable_vxlan: true from
#   Kilo, false before, so an unset one in a file older than every schema
#   is not judged).
# custom:
#   id: SL-NET-005
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   defaults:
#     - [ml2_conf.ini, ml2, tenant_network_types]
#     - [ml2_conf.ini, ml2, project_network_types]
#     - [linuxbridge_agent.ini, vxlan, enable_vxlan]
#     - [openvswitch_agent.ini, agent, tunnel_types]
#   remediation: |
#     Enable the tunnel type on the agent (enable_vxlan = true, or add it to
#     tunnel_types) with a local_ip, and restart the agent.
package stacklint.rules.network.tunnelling_disabled

import data.stacklint.lib.network as net

report contains finding if {
	some f in net.ml2
	s := net.ml2_setting(f, net.tenant_key(f))
	some t in net.tenant_types(f)
	t in net.tunnel_types
	some a in net.agents
	a.tunnels_known
	not t in a.tunnels
	finding := {
		"message": sprintf("%s on %s makes '%s' a project network type, but the %s agent on %s %s: its ports cannot join those networks", [s.file.kind, s.file.node, t, a.type, a.node, _why(a, t)]),
		"locations": [a.tunnel_at, net.ml2_at(f, net.tenant_key(f))],
	}
}

# _why names the agent's setting that leaves the tunnel out: where it is
# written when that is not the agent's own file (a config-dir or
# neutron.conf the agent also loads), or its release's default.
_why(a, t) := sprintf("cannot build %s tunnels", [t]) if {
	a.type == "linuxbridge"
	t != "vxlan"
} else := "has enable_vxlan off" if {
	a.type == "linuxbridge"
	a.tunnel_setting.file.path == a.file.path
} else := sprintf("has enable_vxlan off (%s)", [net.note(a.tunnel_setting, a.file)]) if {
	a.type == "linuxbridge"
} else := "builds no tunnel: [ovs] tunnel_type is the server plugin's option, and without [agent] tunnel_types only enable_tunneling = true turns gre on" if {
	count(a.tunnels) == 0
	a.file.sections.ovs.tunnel_type
} else := sprintf("builds no tunnel ([agent] tunnel_types is %s)", [net.note(a.tunnel_setting, a.file)]) if {
	count(a.tunnels) == 0
	not a.tunnel_setting.written
} else := sprintf("does not list %s in its tunnel types", [t]) if {
	a.tunnel_setting.file.path == a.file.path
} else := sprintf("does not list %s in its tunnel types (%s)", [t, net.note(a.tunnel_setting, a.file)])
