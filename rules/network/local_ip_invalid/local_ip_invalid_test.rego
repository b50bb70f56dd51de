package stacklint.rules.network.local_ip_invalid_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.local_ip_invalid as rule

_lb(vxlan) := fx.file("cmp2", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": vxlan})

_ip(v) := {"value": v, "ip": v, "line": 6, "column": 1}

_input(vxlan, ifaces) := object.union(
	nfx.released([
		object.union(fx.node("cmp1", [], []), {"known_addresses": ["10.0.0.31"]}),
		object.union(fx.node("cmp2", ["neutron-linuxbridge-agent"], [_lb(vxlan)]), {"known_addresses": ["10.0.0.32"], "interface_addresses": ifaces}),
	]),
	{"known_owners": {"10.0.0.31": "cmp1", "10.0.0.32": "cmp2"}},
)

test_own_address if {
	r := rule.report with input as _input({"local_ip": _ip("10.0.0.32")}, ["10.0.0.32"])
	r == set()
}

test_dedicated_overlay_address_unknown_to_snapshot if {
	r := rule.report with input as _input({"local_ip": _ip("10.0.1.32")}, [])
	r == set()
}

test_not_tunnelling_needs_no_local_ip if {
	r := rule.report with input as _input({"enable_vxlan": "false"}, [])
	r == set()
}

test_other_nodes_address if {
	r := rule.report with input as _input({"local_ip": _ip("10.0.0.31")}, [])
	r == {{
		"message": "linuxbridge_agent.ini [vxlan] local_ip on cmp2 = 10.0.0.31 is the address of cmp1: tunnels to this node cannot be built",
		"locations": [{"path": "cmp2/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp2", "line": 6, "column": 1, "section": "vxlan", "key": "local_ip"}],
	}}
}

test_not_on_an_interface if {
	r := rule.report with input as _input({"local_ip": _ip("10.0.1.99")}, ["10.0.0.32", "10.0.1.32"])
	some f in r
	contains(f.message, "is on none of cmp2's interfaces (10.0.0.32, 10.0.1.32)")
}

test_unset if {
	r := rule.report with input as _input({}, [])
	some f in r
	contains(f.message, "has no local_ip")
}

test_not_an_ip_but_placeholder_left_to_hyg_001 if {
	r := rule.report with input as _input({"local_ip": {"value": "OVERLAY_INTERFACE_IP_ADDRESS", "placeholders": ["OVERLAY_INTERFACE_IP_ADDRESS"], "line": 6}}, [])
	r == set()
}

# enable_vxlan was false until Juno and true from Kilo (issue 16): unset in
# a file older than every schema, the agent may not tunnel at all, so a
# missing local_ip is not judged; checked against a known release, the
# default (true) makes the agent tunnel.
_old(d) := object.union(d, {"nodes": {"cmp2": {"files": {"cmp2/etc/neutron/plugins/ml2/linuxbridge_agent.ini": {"release": {"below_oldest": true}}}}}})

test_unset_enable_vxlan_below_oldest if {
	r := rule.report with input as _old(_input({}, []))
	r == set()
}

test_unset_enable_vxlan_tunnels if {
	r := rule.report with input as _input({}, [])
	r == {{
		"message": "the linuxbridge agent on cmp2 tunnels (vxlan) but linuxbridge_agent.ini has no local_ip: the agent exits at start",
		"locations": [{"path": "cmp2/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp2", "line": 1, "column": 1, "section": "vxlan", "key": "local_ip"}],
	}}
}
