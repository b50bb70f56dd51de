# METADATA
# title: Distributed routers without DVR agents
# description: |
#   With router_distributed = true in neutron.conf every new router is
#   distributed: each compute node routes its instances' traffic through an
#   L3 agent in agent_mode = dvr, and OVS agents must set [agent]
#   enable_distributed_routing = true. A compute node without such an L3
#   agent, or an OVS agent without distributed routing, leaves its
#   instances without east-west routing and floating IPs.
# custom:
#   id: SL-NET-013
#   severity: warning
#   inputs: [neutron.conf]
#   remediation: |
#     On every compute node run the L3 agent with agent_mode = dvr (network
#     nodes: dvr_snat) and set enable_distributed_routing = true in
#     openvswitch_agent.ini, or set router_distributed = false.
package stacklint.rules.network.dvr

import data.stacklint.lib
import data.stacklint.lib.network as net

_dvr_on := [f |
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
	net.opt_bool(f, "DEFAULT", "router_distributed", false)
]

_mode(node) := lower(lib.last(f, "DEFAULT", "agent_mode").value) if {
	some f in node.files
	f.kind == "l3_agent.ini"
} else := "legacy" if {
	some f in node.files
	f.kind == "l3_agent.ini"
}

report contains finding if {
	count(_dvr_on) > 0
	s := _dvr_on[0]
	some name, node in input.nodes
	"compute" in node.roles
	not _distributed(node)
	finding := {
		"message": sprintf("%s is true, but compute node %s runs %s: its instances get no distributed routing", [lib.where(s, "DEFAULT", "router_distributed"), name, _l3(node)]),
		"locations": [lib.loc(s, "DEFAULT", "router_distributed", lib.last(s, "DEFAULT", "router_distributed"))],
	}
}

# _distributed: the node's L3 agent routes distributed routers. (A helper,
# since `not _mode(node) in {...}` is false, not true, when _mode is
# undefined: OPA evaluates call arguments outside the negation.)
_distributed(node) if _mode(node) in {"dvr", "dvr_no_external"}

_l3(node) := sprintf("an L3 agent in agent_mode %s", [m]) if m := _mode(node)

else := "no L3 agent"

report contains finding if {
	count(_dvr_on) > 0
	s := _dvr_on[0]
	some a in net.agents
	a.type == "openvswitch"
	not net.opt_bool(a.file, "agent", "enable_distributed_routing", false)
	finding := {
		"message": sprintf("%s is true, but %s [agent] enable_distributed_routing on %s is not: the OVS agent does not wire distributed routers", [lib.where(s, "DEFAULT", "router_distributed"), a.file.kind, a.node]),
		"locations": [net.at(a.file, "agent", "enable_distributed_routing"), lib.loc(s, "DEFAULT", "router_distributed", lib.last(s, "DEFAULT", "router_distributed"))],
	}
}
