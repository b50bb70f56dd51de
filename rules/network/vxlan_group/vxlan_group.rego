# METADATA
# title: linuxbridge VXLAN flooding has no working path
# description: |
#   Without l2population the linuxbridge agent floods broadcast and unknown
#   traffic to [vxlan] vxlan_group (default 224.0.0.1), so the underlay
#   must route that multicast group between all nodes; most do not, and
#   ARP between instances on different nodes silently fails. A vxlan_group
#   that is not a multicast address (or not the address family of
#   local_ip) stops the agent at start. Both options are read in effect for
#   the agent: written in any file it loads (neutron.conf, its ini file,
#   config-dirs), else the release's default.
# custom:
#   id: SL-NET-019
#   scope: aggregate
#   severity: warning
#   inputs: [linuxbridge_agent.ini]
#   defaults:
#     - [linuxbridge_agent.ini, vxlan, vxlan_group]
#     - [linuxbridge_agent.ini, vxlan, l2_population]
#     - [linuxbridge_agent.ini, vxlan, enable_vxlan]
#     - [ml2_conf.ini, ml2, mechanism_drivers]
#   remediation: |
#     Enable l2population (mechanism_drivers and [vxlan] l2_population =
#     true), as the install guide does, or set vxlan_group to a multicast
#     group the underlay routes.
package stacklint.rules.network.vxlan_group

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_multicast(v) if {
	addr := split(v, "/")[0]
	regex.match(`^(22[4-9]|23[0-9])\.`, addr)
}

_multicast(v) if startswith(lower(v), "ff")

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only and whether a server loads l2population), and for each
# linuxbridge agent that builds VXLAN tunnels its vxlan_group written but
# not multicast ({"not_multicast": finding}) and its l2_population known
# and off ({"flooding": finding}).
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"not_multicast": finding} if {
	some a in _lb
	s := _group_setting(a)
	s.written
	not _multicast(trim_space(s.value))
	finding := {
		"message": sprintf("%s is '%s', not a multicast group: the linuxbridge agent on %s refuses to start", [lib.where(s.file, "vxlan", "vxlan_group"), s.value, a.node]),
		"locations": [settings.at(s, "vxlan", "vxlan_group")],
	}
}

aggregate contains {"flooding": finding} if {
	some a in _lb
	a.l2pop_known
	not a.l2pop
	finding := {
		"message": sprintf("linuxbridge_agent.ini on %s has [vxlan] l2_population off%s, so VXLAN flooding relies on multicast group %s in the underlay; without it instances on different nodes cannot reach each other", [a.node, _how(a), _group(a)]),
		"locations": [a.l2pop_at],
	}
}

_lb := [a | some a in net.node_agents; a.type == "linuxbridge"; "vxlan" in a.tunnels]

_group_setting(a) := net.setting(input.nodes[a.node], a.proc, a.file, "vxlan", "vxlan_group")

_ml2_drivers := {r.ml2_drivers | some r in aggregate; r.ml2_drivers}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of(_ml2_drivers)

report contains finding if {
	not _ovn_only
	some r in aggregate
	finding := r.not_multicast
}

report contains finding if {
	not _ovn_only
	not _server_l2pop # one side only is SL-NET-004
	some r in aggregate
	finding := r.flooding
}

_how(a) := "" if net.note(a.l2pop_setting, a.file) == ""

else := sprintf(" (%s)", [net.note(a.l2pop_setting, a.file)])

_group(a) := s.value if {
	s := _group_setting(a)
	s.written
} else := sprintf("%s (its default in %s)", [s.value, s.release]) if {
	s := _group_setting(a)
	is_string(s.value)
} else := "(unknown: not set, no default known)"

_server_l2pop if {
	some d in _ml2_drivers
	"l2population" in d.drivers
}
