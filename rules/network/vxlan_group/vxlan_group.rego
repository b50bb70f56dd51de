# METADATA
# title: linuxbridge VXLAN flooding has no working path
# description: |
#   Without l2population the linuxbridge agent floods broadcast and unknown
#   traffic to [vxlan] vxlan_group (default 224.0.0.1), so the underlay
#   must route that multicast group between all nodes; most do not, and
#   ARP between instances on different nodes silently fails. A vxlan_group
#   that is not a multicast address (or not the address family of
#   local_ip) stops the agent at start.
# custom:
#   id: SL-NET-019
#   severity: warning
#   inputs: [linuxbridge_agent.ini]
#   remediation: |
#     Enable l2population (mechanism_drivers and [vxlan] l2_population =
#     true), as the install guide does, or set vxlan_group to a multicast
#     group the underlay routes.
package stacklint.rules.network.vxlan_group

import data.stacklint.lib
import data.stacklint.lib.network as net

_multicast(v) if {
	addr := split(v, "/")[0]
	regex.match(`^(22[4-9]|23[0-9])\.`, addr)
}

_multicast(v) if startswith(lower(v), "ff")

_lb := [a | some a in net.agents; a.type == "linuxbridge"; "vxlan" in a.tunnels]

report contains finding if {
	some a in _lb
	occ := lib.last(a.file, "vxlan", "vxlan_group")
	not _multicast(trim_space(occ.value))
	finding := {
		"message": sprintf("%s is '%s', not a multicast group: the linuxbridge agent on %s refuses to start", [lib.where(a.file, "vxlan", "vxlan_group"), occ.value, a.node]),
		"locations": [lib.loc(a.file, "vxlan", "vxlan_group", occ)],
	}
}

report contains finding if {
	some a in _lb
	not a.l2pop
	not _server_l2pop # one side only is SL-NET-004
	finding := {
		"message": sprintf("linuxbridge_agent.ini on %s has [vxlan] l2_population off, so VXLAN flooding relies on multicast group %s in the underlay; without it instances on different nodes cannot reach each other", [a.node, _group(a.file)]),
		"locations": [a.l2pop_at],
	}
}

_group(f) := lib.last(f, "vxlan", "vxlan_group").value if true

else := "224.0.0.1 (the default)"

_server_l2pop if {
	some f in net.ml2
	"l2population" in net.mechanism_drivers(f)
}
