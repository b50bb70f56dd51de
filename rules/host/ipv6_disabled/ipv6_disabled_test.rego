package stacklint.rules.host.ipv6_disabled_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.ipv6_disabled as rule

_sysctl := {"kind": "sysctl", "path": "c1/etc/sysctl.conf", "node": "c1", "directives": [{"line": 1, "name": "net.ipv6.conf.all.disable_ipv6", "args": ["1"], "block": ""}]}

_node(ip) := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": {"value": ip, "ip": ip, "line": 2, "column": 1}}}), _sysctl])

test_ipv4 if {
	r := rule.report with input as fx.deployment([_node("10.0.0.31")])
	r == set()
}

test_ipv6 if {
	r := rule.report with input as fx.deployment([_node("fd00::31")])
	r == {{
		"message": "c1/etc/sysctl.conf disables IPv6 on c1, but nova.conf [DEFAULT] my_ip on c1 uses an IPv6 address: that service cannot bind or connect",
		"locations": [{"path": "c1/etc/sysctl.conf", "node": "c1", "line": 1, "column": 1}, {"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 2, "column": 1, "section": "DEFAULT", "key": "my_ip"}],
	}}
}
