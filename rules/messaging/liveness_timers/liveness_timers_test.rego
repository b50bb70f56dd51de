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
