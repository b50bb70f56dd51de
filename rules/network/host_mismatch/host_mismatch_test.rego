package stacklint.rules.network.host_mismatch_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.host_mismatch as rule

_input(nova, neutron) := fx.deployment([object.union(fx.node("c", [], [
	fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"host": fx.at(nova, 2)}}),
	fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"host": fx.at(neutron, 3)}}),
]), {"roles": ["compute"]})])

test_same_host if {
	r := rule.report with input as _input("compute1", "Compute1")
	r == set()
}

test_different_hosts if {
	r := rule.report with input as _input("compute1", "compute1.example.com")
	r == {{
		"message": "nova.conf [DEFAULT] host on c is 'compute1' but neutron.conf [DEFAULT] host on c is 'compute1.example.com': neutron cannot bind ports for the instances nova starts there",
		"locations": [
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 2, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 3, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

test_localhost if {
	r := rule.report with input as _input("localhost", "localhost")
	count(r) == 2
}
