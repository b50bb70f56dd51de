package stacklint.rules.host.public_address_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.public_address as rule

_d(ip) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": {"value": ip, "ip": ip, "line": 3, "column": 1}}})])])

test_private if {
	r := rule.report with input as _d("10.0.0.31")
	r == set()
}

test_ula if {
	r := rule.report with input as _d("fd00:4888::c1")
	r == set()
}

test_public if {
	r := rule.report with input as _d("203.0.113.7")
	r == {{
		"message": "nova.conf [DEFAULT] my_ip on c = 203.0.113.7 is a public address: control-plane traffic on it leaves the management network",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 3, "column": 1, "section": "DEFAULT", "key": "my_ip"}],
	}}
}
