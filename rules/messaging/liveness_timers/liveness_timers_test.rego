package stacklint.rules.messaging.liveness_timers_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.messaging.liveness_timers as rule

_server(down) := fx.node("ctl", ["neutron-server"], [fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"agent_down_time": down}})])

_agent(interval) := fx.node("c1", ["neutron-linuxbridge-agent"], [fx.file("c1", "neutron.conf", "etc/neutron/neutron.conf", {"agent": {"report_interval": interval}})])

test_defaults if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["neutron-server", "nova-api"], []),
		fx.node("c1", ["neutron-linuxbridge-agent", "nova-compute"], []),
	])
	r == set()
}

test_agent_flaps if {
	r := rule.report with input as fx.deployment([_server("75"), _agent("60")])
	r == {{
		"message": "neutron.conf [DEFAULT] agent_down_time on ctl is 75s, less than twice neutron.conf [agent] report_interval on c1 (60s): neutron agents on c1 flap between alive and dead",
		"locations": [
			{"path": "ctl/etc/neutron/neutron.conf", "node": "ctl", "line": 1, "column": 1, "section": "DEFAULT", "key": "agent_down_time"},
			{"path": "c1/etc/neutron/neutron.conf", "node": "c1", "line": 1, "column": 1, "section": "agent", "key": "report_interval"},
		],
	}}
}

# Each project's down time is compared with its own project's intervals
# only: neutron's 90 s against nova-compute's 50 s (or nova's 60 s against
# the agents' 30 s) is no finding.
test_projects_apart if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["neutron-server", "nova-api"], [fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"agent_down_time": "90"}})]),
		fx.node("c1", ["neutron-linuxbridge-agent", "nova-compute"], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"report_interval": "50"}})]),
	])
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_server("75"), _agent("60")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
