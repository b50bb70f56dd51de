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
#   scope: aggregate
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

# aggregate: each neutron-server's ML2 file ({"ml2": {node, drivers,
# kind, on, types, at}}: its mechanism_drivers in effect, from which the
# report rebuilds net.ovn_only; the kind and node of the file that sets
# the project network types, the tunnel types among them, where they are
# set) and each node's L2 agents whose tunnels are known ({"agent": {node,
# type, tunnels, tunnel_at, why}}, why: the wording for each tunnel type
# it leaves out).
aggregate contains {"ml2": m} if {
	some f in net.ml2
	s := net.ml2_setting(f, net.tenant_key(f))
	m := {
		"node": f.node, "drivers": net.mechanism_drivers(f), "kind": s.file.kind, "on": s.file.node,
		"types": {t | some t in net.tenant_types(f); t in net.tunnel_types},
		"at": net.ml2_at(f, net.tenant_key(f)),
	}
}

aggregate contains {"agent": r} if {
	some a in net.node_agents
	a.tunnels_known
	r := {
		"node": a.node, "type": a.type, "tunnels": a.tunnels, "tunnel_at": a.tunnel_at,
		"why": {t: _why(a, t) | some t in net.tunnel_types; not t in a.tunnels},
	}
}

_ml2 := {r.ml2 | some r in aggregate; r.ml2}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of(_ml2)

report contains finding if {
	not _ovn_only
	some f in _ml2
	some t in f.types
	some r in aggregate
	a := r.agent
	not t in a.tunnels
	finding := {
		"message": sprintf("%s on %s makes '%s' a project network type, but the %s agent on %s %s: its ports cannot join those networks", [f.kind, f.on, t, a.type, a.node, a.why[t]]),
		"locations": [a.tunnel_at, f.at],
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
