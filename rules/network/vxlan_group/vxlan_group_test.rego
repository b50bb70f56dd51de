package stacklint.rules.network.vxlan_group_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.vxlan_group as rule

_lb(vx) := fx.node("c1", ["neutron-linuxbridge-agent"], [fx.file("c1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": vx})])

test_l2pop if {
	r := rule.report with input as nfx.released([_lb({"enable_vxlan": "true", "l2_population": "true"})])
	r == set()
}

test_no_vxlan if {
	r := rule.report with input as nfx.released([_lb({"enable_vxlan": "false"})])
	r == set()
}

test_bad_group if {
	r := rule.report with input as nfx.released([_lb({"l2_population": "true", "vxlan_group": "10.0.0.1"})])
	r == {{
		"message": "linuxbridge_agent.ini [vxlan] vxlan_group on c1 is '10.0.0.1', not a multicast group: the linuxbridge agent on c1 refuses to start",
		"locations": [{"path": "c1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c1", "line": 1, "column": 1, "section": "vxlan", "key": "vxlan_group"}],
	}}
}

test_multicast_flooding if {
	r := rule.report with input as nfx.released([_lb({"l2_population": "false"})])
	count(r) == 1
}
