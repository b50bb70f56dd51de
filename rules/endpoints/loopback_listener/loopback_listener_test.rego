package stacklint.rules.endpoints.loopback_listener_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.loopback_listener as rule

_glance(ip) := fx.node("ctl", ["glance-api"], [fx.file("ctl", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"bind_host": {"value": ip, "ip": ip, "line": 2, "column": 1}}})])

_client := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {
	"value": "http://ctl:9292", "line": 9, "column": 1,
	"url": {"scheme": "http", "hosts": [{"host": "ctl", "port": 9292, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

test_all_interfaces if {
	r := rule.report with input as fx.deployment([_glance("0.0.0.0"), _client])
	r == set()
}

test_loopback if {
	r := rule.report with input as fx.deployment([_glance("127.0.0.1"), _client])
	r == {{
		"message": "glance-api.conf [DEFAULT] bind_host on ctl listens on 127.0.0.1 only, but nova.conf [glance] api_servers on c1 reach ctl on port 9292: they get connection refused",
		"locations": [
			{"path": "ctl/etc/glance/glance-api.conf", "node": "ctl", "line": 2, "column": 1, "section": "DEFAULT", "key": "bind_host"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 9, "column": 1, "section": "glance", "key": "api_servers"},
		],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
test_two_passes if {
	d := fx.deployment([_glance("127.0.0.1"), _client])
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
	count(r) > 0
	r == rule.report with input as d
}
