package stacklint.rules.endpoints.listener_port_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.listener_port as rule

_glance(port) := fx.node("ctl", ["glance-api"], [fx.file("ctl", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"bind_port": port}})])

_client(port) := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {
	"value": "http://ctl", "line": 9, "column": 1,
	"url": {"scheme": "http", "hosts": [{"host": "ctl", "port": port, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

test_same_port if {
	r := rule.report with input as fx.deployment([_glance("9292"), _client(9292)])
	r == set()
}

test_other_port if {
	r := rule.report with input as fx.deployment([_glance("9292"), _client(9191)])
	r == {{
		"message": "nova.conf [glance] api_servers on c1 reaches ctl on port 9191, but glance-api there listens on 9292 (glance-api.conf [DEFAULT] bind_port on ctl): the connection is refused",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 9, "column": 1, "section": "glance", "key": "api_servers"}],
	}}
}
