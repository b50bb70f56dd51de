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
#   scope: aggregate
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

# aggregate: each neutron-server's router_distributed in effect when true
# ({"dvr_on": {node, fk, where, at}}), each compute node whose L3 agent
# does not route distributed routers ({"compute": node, "l3": what it
# runs}), each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only) and each OVS agent whose enable_distributed_routing in
# effect is known and not true ({"ovs": {node, named, at}}).
aggregate contains {"dvr_on": r} if {
	some [name, fk, f] in _neutron_confs
	node := input.nodes[name]
	lib.runs(node, "neutron-server")
	s := net.setting(node, "neutron-server", f, "DEFAULT", "router_distributed")
	settings.is_true(s)
	r := {"node": name, "fk": fk, "where": lib.where(s.file, "DEFAULT", "router_distributed"), "at": settings.at(s, "DEFAULT", "router_distributed")}
}

# _neutron_confs is lib.files("neutron.conf") with each file's key in its
# node's files: [node name, file key, file], in the same order.
_neutron_confs := [[name, fk, f] |
	some [name, fk] in input.index.kinds["neutron.conf"]
	f := input.nodes[name].files[fk]
	not f.error
] if input.index

else := [[name, fk, f] |
	some name, node in input.nodes
	some fk, f in node.files
	f.kind == "neutron.conf"
	not f.error
]

aggregate contains {"compute": name, "l3": _l3(node)} if {
	some name, node in input.nodes
	"compute" in node.roles
	not _distributed(node)
}

aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"ovs": r} if {
	some a in net.node_agents
	a.type == "openvswitch"
	e := net.setting(input.nodes[a.node], a.proc, a.file, "agent", "enable_distributed_routing")
	net.known(e)
	not settings.is_true(e)
	r := {"node": a.node, "named": _named(a, e), "at": settings.at(e, "agent", "enable_distributed_routing")}
}

# _dvr_on: the router_distributed settings in effect that are true on the
# neutron-server nodes, by node and file key (the order of lib.files).
_dvr_on := [x[2] | some x in sort([[r.dvr_on.node, r.dvr_on.fk, r.dvr_on] | some r in aggregate; r.dvr_on])]

# _mode is the agent_mode in effect of the node's L3 agent (written, or the
# release's default).
_mode(node) := lower(trim_space(s.value)) if {
	f := lib.one_of(node, "l3_agent.ini", "neutron-l3-agent")
	not f.error
	s := net.setting(node, "neutron-l3-agent", f, "DEFAULT", "agent_mode")
	is_string(s.value)
}

report contains finding if {
	count(_dvr_on) > 0
	s := _dvr_on[0]
	some r in aggregate
	r.compute
	finding := {
		"message": sprintf("%s is true, but compute node %s runs %s: its instances get no distributed routing", [s.where, r.compute, r.l3]),
		"locations": [s.at],
	}
}

# _distributed: the node's L3 agent routes distributed routers. (A helper,
# since `not _mode(node) in {...}` is false, not true, when _mode is
# undefined: OPA evaluates call arguments outside the negation.)
_distributed(node) if _mode(node) in {"dvr", "dvr_no_external"}

_l3(node) := sprintf("an L3 agent in agent_mode %s", [m]) if m := _mode(node)

else := "no L3 agent"

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains finding if {
	count(_dvr_on) > 0
	s := _dvr_on[0]
	not _ovn_only
	some r in aggregate
	a := r.ovs
	finding := {
		"message": sprintf("%s is true, but %s is not: the OVS agent does not wire distributed routers", [s.where, a.named]),
		"locations": [a.at, s.at],
	}
}

# _named keeps the old wording for a value written in the agent's own
# file, else names where it is written or its default.
_named(a, e) := sprintf("%s [agent] enable_distributed_routing on %s", [a.file.kind, a.node]) if {
	e.written
	e.file.path == a.file.path
} else := net.named(e, "agent", "enable_distributed_routing")
