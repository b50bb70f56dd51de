# METADATA
# title: Distributed routers without DVR agents
# description: |
#   With router_distributed = true in neutron.conf every new router is
#   distributed: each compute node routes its instances' traffic through an
#   L3 agent in agent_mode = dvr, and OVS agents must set [agent]
#   enable_distributed_routing = true. A compute node without such an L3
#   agent, or an OVS agent without distributed routing, leaves its
#   instances without east-west routing and floating IPs. Each option is
#   read in effect for its process (neutron-server, the L3 agent, the OVS
#   agent): written in any file it loads, config-dirs included, else the
#   release's default (router_distributed false, agent_mode legacy,
#   enable_distributed_routing false).
# custom:
#   id: SL-NET-013
#   severity: warning
#   inputs: [neutron.conf]
#   defaults:
#     - [neutron.conf, DEFAULT, router_distributed]
#     - [l3_agent.ini, DEFAULT, agent_mode]
#     - [openvswitch_agent.ini, agent, enable_distributed_routing]
#   remediation: |
#     On every compute node run the L3 agent with agent_mode = dvr (network
#     nodes: dvr_snat) and set enable_distributed_routing = true in
#     openvswitch_agent.ini, or set router_distributed = false.
package stacklint.rules.network.dvr

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# _dvr_on lists router_distributed settings in effect that are true on the
# neutron-server nodes.
_dvr_on := [s |
	some [name, f] in lib.files("neutron.conf")
	node := input.nodes[name]
	lib.runs(node, "neutron-server")
	s := net.setting(node, "neutron-server", f, "DEFAULT", "router_distributed")
	settings.is_true(s)
]

# _mode is the agent_mode in effect of the node's L3 agent (written, or the
# release's default).
_mode(node) := lower(trim_space(s.value)) if {
	some f in node.files
	f.kind == "l3_agent.ini"
	not f.error
	s := net.setting(node, "neutron-l3-agent", f, "DEFAULT", "agent_mode")
	is_string(s.value)
}

report contains finding if {
	count(_dvr_on) > 0
	s := _dvr_on[0]
	some name, node in input.nodes
	"compute" in node.roles
	not _distributed(node)
	finding := {
		"message": sprintf("%s is true, but compute node %s runs %s: its instances get no distributed routing", [lib.where(s.file, "DEFAULT", "router_distributed"), name, _l3(node)]),
		"locations": [settings.at(s, "DEFAULT", "router_distributed")],
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
	e := net.setting(input.nodes[a.node], a.proc, a.file, "agent", "enable_distributed_routing")
	net.known(e)
	not settings.is_true(e)
	finding := {
		"message": sprintf("%s is true, but %s is not: the OVS agent does not wire distributed routers", [lib.where(s.file, "DEFAULT", "router_distributed"), _named(a, e)]),
		"locations": [settings.at(e, "agent", "enable_distributed_routing"), settings.at(s, "DEFAULT", "router_distributed")],
	}
}

# _named keeps the old wording for a value written in the agent's own
# file, else names where it is written or its default.
_named(a, e) := sprintf("%s [agent] enable_distributed_routing on %s", [a.file.kind, a.node]) if {
	e.written
	e.file.path == a.file.path
} else := net.named(e, "agent", "enable_distributed_routing")
