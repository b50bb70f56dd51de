# METADATA
# title: No metadata path for instances on networks without a router
# description: |
#   Instances reach 169.254.169.254 through the router's metadata proxy
#   (L3 agent) or, on networks without a router, through the DHCP agent's
#   proxy when dhcp_agent.ini enable_isolated_metadata = true (default
#   false). A deployment with DHCP agents but no L3 agent (the guide's
#   provider-networks option) therefore needs it, or cloud-init finds no
#   metadata and instances boot without keys or user data.
# custom:
#   id: SL-NET-018
#   severity: info
#   inputs: [dhcp_agent.ini]
#   remediation: |
#     Set enable_isolated_metadata = true in dhcp_agent.ini on every DHCP
#     agent node (force_metadata = true also works).
package stacklint.rules.network.isolated_metadata

import data.stacklint.lib
import data.stacklint.lib.network as net

report contains finding if {
	not net.ovn_only
	count([1 | some node in input.nodes; lib.runs(node, "neutron-l3-agent")]) == 0
	some [name, f] in lib.files("dhcp_agent.ini")
	lib.runs(input.nodes[name], "neutron-dhcp-agent")
	not net.opt_bool(f, "DEFAULT", "enable_isolated_metadata", false)
	not net.opt_bool(f, "DEFAULT", "force_metadata", false)
	finding := {
		"message": sprintf("%s is false and no node runs an L3 agent: instances get no metadata (no SSH keys, no user data)", [lib.where(f, "DEFAULT", "enable_isolated_metadata")]),
		"locations": [net.at(f, "DEFAULT", "enable_isolated_metadata")],
	}
}
