package stacklint.rules.network.interface_driver_mismatch_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.interface_driver_mismatch as rule

_lb := fx.file("net", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {}})

_input(l3) := fx.deployment([fx.node("net", ["neutron-linuxbridge-agent", "neutron-l3-agent"], [_lb, fx.file("net", "l3_agent.ini", "etc/neutron/l3_agent.ini", l3)])])

test_matching_driver if {
	r := rule.report with input as _input({"DEFAULT": {"interface_driver": "linuxbridge"}})
	r == set()
}

test_ovs_driver_on_linuxbridge_node if {
	r := rule.report with input as _input({"DEFAULT": {"interface_driver": fx.at("neutron.agent.linux.interface.OVSInterfaceDriver", 2)}})
	r == {{
		"message": "l3_agent.ini [DEFAULT] interface_driver on net is openvswitch's driver, but the node's L2 agent is linuxbridge: its ports are plugged into bridges nothing wires up",
		"locations": [{"path": "net/etc/neutron/l3_agent.ini", "node": "net", "line": 2, "column": 1, "section": "DEFAULT", "key": "interface_driver"}],
	}}
}

_defaults(v) := {"zed": {"l3_agent.ini": {"DEFAULT": {"interface_driver": {"text": v, "host": false}}}}}

_released(l3, v) := object.union(fx.released(_input(l3), "zed", "auto"), {"defaults": _defaults(v)})

# Unset, with no default (until 2024.2): the agent does not start.
test_unset if {
	r := rule.report with input as _released({"DEFAULT": {}}, "")
	r == {{
		"message": "l3_agent.ini [DEFAULT] interface_driver on net is not set: its default in zed, (none), so the agent exits at start with 'An interface driver must be specified'",
		"locations": [{"path": "net/etc/neutron/l3_agent.ini", "node": "net", "line": 1, "column": 1, "section": "DEFAULT", "key": "interface_driver"}],
	}}
}

# Unset where the release's default is openvswitch (2025.1 on): judged as
# a written value, here on a linuxbridge node.
test_unset_default_other_agent if {
	r := rule.report with input as _released({"DEFAULT": {}}, "openvswitch")
	r == {{
		"message": "l3_agent.ini [DEFAULT] interface_driver on net is not set: its default in zed, openvswitch, is openvswitch's driver, but the node's L2 agent is linuxbridge: its ports are plugged into bridges nothing wires up",
		"locations": [{"path": "net/etc/neutron/l3_agent.ini", "node": "net", "line": 1, "column": 1, "section": "DEFAULT", "key": "interface_driver"}],
	}}
}

test_unset_default_fits if {
	d := fx.deployment([fx.node("net", ["neutron-openvswitch-agent", "neutron-l3-agent"], [
		fx.file("net", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"ovs": {}}),
		fx.file("net", "l3_agent.ini", "etc/neutron/l3_agent.ini", {"DEFAULT": {}}),
	])])
	r := rule.report with input as object.union(fx.released(d, "zed", "auto"), {"defaults": _defaults("openvswitch")})
	r == set()
}

test_unset_without_defaults if {
	r := rule.report with input as _input({"DEFAULT": {}})
	r == set()
}
