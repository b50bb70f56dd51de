package stacklint.rules.host.nonlocal_bind_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.nonlocal_bind as rule

_node(nonlocal) := object.union(fx.node("c1", [], [
	{"kind": "haproxy", "path": "c1/etc/haproxy/haproxy.cfg", "node": "c1", "directives": [{"line": 9, "name": "bind", "args": ["10.0.0.10:5000"], "block": "listen keystone"}]},
	{"kind": "sysctl", "path": "c1/etc/sysctl.conf", "node": "c1", "directives": [{"line": 1, "name": "net.ipv4.ip_nonlocal_bind", "args": [nonlocal], "block": ""}]},
]), {"addresses": ["10.0.0.11"]})

test_on if {
	r := rule.report with input as fx.deployment([_node("1")])
	r == set()
}

test_off if {
	r := rule.report with input as fx.deployment([_node("0")])
	r == {{
		"message": "haproxy on c1 binds 10.0.0.10 (c1/etc/haproxy/haproxy.cfg), an address the node does not own, but net.ipv4.ip_nonlocal_bind is not 1: haproxy does not start while another node holds the VIP",
		"locations": [{"path": "c1/etc/haproxy/haproxy.cfg", "node": "c1", "line": 9, "column": 1}],
	}}
}
