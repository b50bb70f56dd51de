package stacklint.rules.network.dvr_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.dvr as rule

_server(dvr) := fx.node("c", ["neutron-server"], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"router_distributed": dvr}})])

_compute(mode) := object.union(
	fx.node("cmp", ["nova-compute", "neutron-openvswitch-agent", "neutron-l3-agent"], [
		fx.file("cmp", "l3_agent.ini", "etc/neutron/l3_agent.ini", {"DEFAULT": {"agent_mode": mode}}),
		fx.file("cmp", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"agent": {"enable_distributed_routing": "true"}}),
	]),
	{"roles": ["compute"]},
)

test_dvr_compute if {
	r := rule.report with input as nfx.released([_server("true"), _compute("dvr")])
	r == set()
}

test_dvr_off if {
	r := rule.report with input as nfx.released([_server("false"), _compute("legacy")])
	r == set()
}

test_legacy_compute if {
	r := rule.report with input as nfx.released([_server("true"), _compute("legacy")])
	r == {{
		"message": "neutron.conf [DEFAULT] router_distributed on c is true, but compute node cmp runs an L3 agent in agent_mode legacy: its instances get no distributed routing",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "router_distributed"}],
	}}
}

test_compute_without_l3_agent if {
	cmp := object.union(fx.node("cmp", ["nova-compute"], []), {"roles": ["compute"]})
	r := rule.report with input as nfx.released([_server("true"), cmp])
	count(r) == 1
}

# _two_pass is the rule's report as the engine's two passes give it: its
# aggregate computed on each node's part alone, the report over the
# fleet-wide facts with aggregate the union of the parts' records.
_two_pass(doc) := r if {
	recs := {x |
		some name, _ in doc.nodes
		agg := rule.aggregate with input as nfx.part(doc, name)
		some x in agg
	}
	r := rule.report with input as nfx.fleet(doc) with rule.aggregate as recs
}

# Through the two passes: the server's router_distributed and the compute
# node's agents come from different nodes' records.
test_two_passes if {
	cmp := object.union(fx.node("cmp", ["nova-compute", "neutron-openvswitch-agent"], [fx.file("cmp", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {})]), {"roles": ["compute"]})
	every inp in [nfx.released([_server("true"), _compute("legacy")]), nfx.released([_server("true"), cmp])] {
		count(_two_pass(inp)) > 0
		_two_pass(inp) == rule.report with input as inp
	}
	count(_two_pass(nfx.released([_server("true"), cmp]))) == 2
}
