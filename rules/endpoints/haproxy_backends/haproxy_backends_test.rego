package stacklint.rules.endpoints.haproxy_backends_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.haproxy_backends as rule

_haproxy(server_port) := {"kind": "haproxy", "path": "lb/etc/haproxy/haproxy.cfg", "node": "lb", "directives": [
	{"line": 5, "name": "frontend", "args": ["glance"], "block": ""},
	{"line": 6, "name": "bind", "args": ["10.0.0.10:9292"], "block": "frontend glance"},
	{"line": 7, "name": "default_backend", "args": ["glance_servers"], "block": "frontend glance"},
	{"line": 9, "name": "backend", "args": ["glance_servers"], "block": ""},
	{"line": 10, "name": "server", "args": ["ctl", sprintf("10.0.0.11:%d", [server_port]), "check"], "block": "backend glance_servers"},
]}

_ctl(bind_port) := fx.node("ctl", ["glance-api"], [fx.file("ctl", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"bind_port": fx.at(bind_port, 3)}})])

_client(port) := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {
	"value": "http://10.0.0.10", "line": 9, "column": 1,
	"url": {"scheme": "http", "hosts": [{"host": "10.0.0.10", "port": port, "resolved": ["10.0.0.10"]}]},
}}})])

_d(server_port, bind_port, client_port) := object.union(
	fx.deployment([fx.node("lb", [], [_haproxy(server_port)]), _ctl(bind_port), _client(client_port)]),
	{"owners": {"10.0.0.11": "ctl"}},
)

test_matching if {
	r := rule.report with input as _d(9292, "9292", 9292)
	r == set()
}

test_server_port_not_listened if {
	r := rule.report with input as _d(9393, "9292", 9292)
	r == {{
		"message": "haproxy on lb (backend glance_servers) forwards glance-api to 10.0.0.11:9393, but glance-api on ctl listens on 9292 (glance-api.conf [DEFAULT] bind_port on ctl): the backend is down",
		"locations": [{"path": "lb/etc/haproxy/haproxy.cfg", "node": "lb", "line": 10, "column": 1}],
	}}
}

test_vip_port_not_bound if {
	r := rule.report with input as _d(9292, "9292", 9393)
	r == {{
		"message": "nova.conf [glance] api_servers on c1 reach the VIP 10.0.0.10 on port 9393, but haproxy binds 10.0.0.10 only on 9292 (lb/etc/haproxy/haproxy.cfg:6): the connection is refused",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 9, "column": 1, "section": "glance", "key": "api_servers"}],
	}}
}

# A server whose node's config is not in the snapshot is not guessed at.
test_target_unknown if {
	d := object.union(fx.deployment([fx.node("lb", [], [_haproxy(9393)])]), {"owners": {"10.0.0.11": "ctl"}})
	r := rule.report with input as d
	r == set()
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [_d(9393, "9292", 9292), _d(9292, "9292", 9393)] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
