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

test_unset if {
	r := rule.report with input as _input({"DEFAULT": {}})
	count(r) == 1
}
