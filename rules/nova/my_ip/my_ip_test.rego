package stacklint.rules.nova.my_ip_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.my_ip as rule

_nova(node, ip) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": {"value": ip, "ip": ip, "line": 3, "column": 1}}})

_input(ip1, ip2) := object.union(
	fx.deployment([
		object.union(fx.node("c1", [], [_nova("c1", ip1)]), {"known_addresses": ["10.0.0.31"]}),
		object.union(fx.node("c2", [], [_nova("c2", ip2)]), {"known_addresses": ["10.0.0.32"]}),
	]),
	{"known_owners": {"10.0.0.31": "c1", "10.0.0.32": "c2"}},
)

test_own_addresses if {
	r := rule.report with input as _input("10.0.0.31", "10.0.0.32")
	r == set()
}

test_copied_from_peer if {
	r := rule.report with input as _input("10.0.0.31", "10.0.0.31")
	r == {{
		"message": "nova.conf [DEFAULT] my_ip on c2 = 10.0.0.31 is the address of c1: nova registers and serves on a wrong address",
		"locations": [{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 3, "column": 1, "section": "DEFAULT", "key": "my_ip"}],
	}}
}

test_unknown_duplicate if {
	r := rule.report with input as _input("10.0.9.9", "10.0.9.9")
	some f in r
	f.message == "nova.conf [DEFAULT] my_ip on c2 = 10.0.9.9 is also nova.conf [DEFAULT] my_ip on c1: my_ip must identify one node"
}

test_loopback if {
	r := rule.report with input as _input("10.0.0.31", "127.0.0.1")
	some f in r
	contains(f.message, "loopback")
}
