package stacklint.rules.nova.vnc_listen_loopback_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.vnc_listen_loopback as rule

_input(v) := fx.deployment([object.union(fx.node("c", ["nova-compute"], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"vnc": {"server_listen": fx.at(v, 21)}})]), {"roles": ["compute"]})])

test_all_addresses if {
	r := rule.report with input as _input("0.0.0.0")
	r == set()
}

test_loopback if {
	r := rule.report with input as _input("127.0.0.1")
	r == {{
		"message": "nova.conf [vnc] server_listen on c = 127.0.0.1 on a compute node: the console proxy on another node cannot reach its instances' consoles",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 21, "column": 1, "section": "vnc", "key": "server_listen"}],
	}}
}
