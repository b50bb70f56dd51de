package stacklint.rules.nova.proxyclient_address_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.proxyclient_address as rule

_cmp(name, v) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"vnc": {"server_proxyclient_address": v}})]),
	{"roles": ["compute"]},
)

test_from_my_ip if {
	occ := {"value": "10.0.0.31", "raw": "$my_ip", "ip": "10.0.0.31", "line": 1, "column": 1}
	r := rule.report with input as fx.deployment([_cmp("c1", occ), _cmp("c2", object.union(occ, {"ip": "10.0.0.31"}))])
	r == set()
}

test_loopback if {
	r := rule.report with input as fx.deployment([_cmp("c1", {"value": "127.0.0.1", "ip": "127.0.0.1", "line": 1, "column": 1})])
	r == {{
		"message": "nova.conf [vnc] server_proxyclient_address on c1 = 127.0.0.1 is a loopback or unspecified address: consoles of instances on c1 do not open",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "vnc", "key": "server_proxyclient_address"}],
	}}
}

test_copied if {
	occ := {"value": "10.0.0.31", "ip": "10.0.0.31", "line": 1, "column": 1}
	r := rule.report with input as fx.deployment([_cmp("c1", occ), _cmp("c2", occ)])
	count(r) == 1
}
