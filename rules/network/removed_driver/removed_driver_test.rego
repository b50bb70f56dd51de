package stacklint.rules.network.removed_driver_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.network.removed_driver as rule

_ml2 := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"mechanism_drivers": fx.at("linuxbridge,l2population", 4)}})

_agent := fx.file("c1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"local_ip": "10.0.0.31"}})

_deployment(series) := fx.released(
	fx.deployment([fx.node("ctl", ["neutron-server"], [_ml2]), fx.node("c1", ["neutron-linuxbridge-agent"], [_agent])]),
	series, "--release",
)

test_removed_in_release if {
	r := rule.report with input as _deployment("2026.2")
	r == {{
		"message": "ml2_conf.ini [ml2] mechanism_drivers on ctl names linuxbridge, which neutron 26.0.0 (2025.1) removed; the release checked against is 2026.2 (from --release): neutron-server fails to load it",
		"locations": [fx.loc(_ml2, "ml2", "mechanism_drivers", 4)],
	}}
}

test_still_shipped if {
	r := rule.report with input as _deployment("2022.2")
	r == set()
}

test_release_unknown if {
	r := rule.report with input as _deployment("")
	r == set()
}

test_agent_only_snapshot if {
	d := fx.released(fx.deployment([fx.node("c1", ["neutron-linuxbridge-agent"], [_agent])]), "2025.1", ".stacklint.yaml")
	r := rule.report with input as d
	r == {{
		"message": "c1/etc/neutron/plugins/ml2/linuxbridge_agent.ini on c1 configures neutron-linuxbridge-agent, which neutron 26.0.0 (2025.1) removed; the release checked against is 2025.1 (from .stacklint.yaml)",
		"locations": [{"path": "c1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c1", "line": 1, "column": 1}],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The ML2 file that names
# linuxbridge is on ctl, the agent on c1 and c2: the driver's finding
# covers them, so the agents are not reported; without ctl, they are.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

_agent2 := object.union(_agent, {"node": "c2", "path": "c2/etc/neutron/plugins/ml2/linuxbridge_agent.ini"})

test_two_passes if {
	nodes := [fx.node("c1", ["neutron-linuxbridge-agent"], [_agent]), fx.node("c2", ["neutron-linuxbridge-agent"], [_agent2])]
	with_server := fx.released(fx.deployment(array.concat([fx.node("ctl", ["neutron-server"], [_ml2])], nodes)), "2025.1", "--release")
	r := _two_pass(with_server)
	{f.locations[0].node | some f in r} == {"ctl"}
	r == rule.report with input as with_server
	agents := fx.released(fx.deployment(nodes), "2025.1", "--release")
	{f.locations[0].node | some f in _two_pass(agents)} == {"c1", "c2"}
	_two_pass(agents) == rule.report with input as agents
}
