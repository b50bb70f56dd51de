# METADATA
# title: No metadata path for instances on networks without a router
# description: |
#   Instances reach 169.254.169.254 through the router's metadata proxy
#   (L3 agent) or, on networks without a router, through the DHCP agent's
#   proxy when dhcp_agent.ini enable_isolated_metadata = true (default
#   false). A deployment with DHCP agents but no L3 agent (the guide's
#   provider-networks option) therefore needs it, or cloud-init finds no
#   metadata and instances boot without keys or user data. Unset, the
#   release's default applies (false in every release with defaults).
# custom:
#   id: SL-NET-018
#   scope: aggregate
#   severity: info
#   inputs: [dhcp_agent.ini]
#   defaults:
#     - [dhcp_agent.ini, DEFAULT, enable_isolated_metadata]
#     - [dhcp_agent.ini, DEFAULT, force_metadata]
#   remediation: |
#     Set enable_isolated_metadata = true in dhcp_agent.ini on every DHCP
#     agent node (force_metadata = true also works).
package stacklint.rules.network.isolated_metadata

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_kinds := ["dhcp_agent.ini"]

# _off: the settings of the DHCP agents that serve no isolated metadata,
# whatever the other nodes run (the report asks whether any node runs an
# L3 agent).
_off contains s if {
	some [name, _] in lib.files("dhcp_agent.ini")
	node := input.nodes[name]
	lib.runs(node, "neutron-dhcp-agent")
	s := lib.setting(node, _kinds, "DEFAULT", "enable_isolated_metadata")
	not settings.is_true(s)
	not _forced(node)
}

# _forced: force_metadata in effect is true (undefined, as unknown, when
# neither written nor known for the release).
_forced(node) if settings.is_true(lib.setting(node, _kinds, "DEFAULT", "force_metadata"))

_consequence := "no node runs an L3 agent: instances get no metadata (no SSH keys, no user data)"

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only), each node running an L3 agent ({"l3": node}) and the
# finding of each DHCP agent that serves no isolated metadata
# ({"off": finding}); each depends on its node alone. The report keeps
# the findings when no node of the fleet runs an L3 agent.
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"l3": name} if {
	some name, node in input.nodes
	lib.runs(node, "neutron-l3-agent")
}

aggregate contains {"off": finding} if {
	some s in _off
	s.written
	finding := {
		"message": sprintf("%s is false and %s", [lib.where(s.file, "DEFAULT", "enable_isolated_metadata"), _consequence]),
		"locations": [settings.at(s, "DEFAULT", "enable_isolated_metadata")],
	}
}

aggregate contains {"off": finding} if {
	some s in _off
	not s.written
	finding := {
		"message": sprintf("%s, and %s", [settings.unset(s, "DEFAULT", "enable_isolated_metadata"), _consequence]),
		"locations": [settings.at(s, "DEFAULT", "enable_isolated_metadata")],
	}
}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains r.off if {
	not _ovn_only
	count({r.l3 | some r in aggregate; r.l3}) == 0
	some r in aggregate
	r.off
}
