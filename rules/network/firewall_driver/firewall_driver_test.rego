package stacklint.rules.network.firewall_driver_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.firewall_driver as rule

_lb(sg) := fx.node("c1", ["neutron-linuxbridge-agent"], [fx.file("c1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"securitygroup": sg})])

_ovs(sg) := fx.node("c2", ["neutron-openvswitch-agent"], [fx.file("c2", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"securitygroup": sg})])

test_right_drivers if {
	r := rule.report with input as fx.deployment([
		_lb({"firewall_driver": "neutron.agent.linux.iptables_firewall.IptablesFirewallDriver"}),
		_ovs({"firewall_driver": "openvswitch"}),
	])
	r == set()
}

test_security_groups_off if {
	r := rule.report with input as fx.deployment([_lb({"enable_security_group": "false"})])
	r == set()
}

test_iptables_on_ovs if {
	r := rule.report with input as fx.deployment([_ovs({"firewall_driver": "iptables"})])
	r == {{
		"message": "openvswitch_agent.ini [securitygroup] firewall_driver on c2 is 'iptables', which does not fit the openvswitch agent (use openvswitch or iptables_hybrid): ports on c2 are not filtered by their security groups",
		"locations": [{"path": "c2/etc/neutron/plugins/ml2/openvswitch_agent.ini", "node": "c2", "line": 1, "column": 1, "section": "securitygroup", "key": "firewall_driver"}],
	}}
}

test_unset if {
	r := rule.report with input as fx.deployment([_lb({})])
	count(r) == 1
}
