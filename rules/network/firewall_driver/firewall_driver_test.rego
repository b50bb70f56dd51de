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

_defaults := {"zed": {"linuxbridge_agent.ini": {"securitygroup": {
	"firewall_driver": {"text": "", "host": false},
	"enable_security_group": {"text": "true", "host": false},
}}}}

_released(nodes) := object.union(fx.released(fx.deployment(nodes), "zed", "auto"), {"defaults": _defaults})

# Unset: the release's default (none) makes the agent load noop (issue 16).
test_unset if {
	r := rule.report with input as _released([_lb({})])
	r == {{
		"message": "linuxbridge_agent.ini [securitygroup] firewall_driver on c1 is not set: its default in zed, (none), so the linuxbridge agent uses noop: ports on c1 are not filtered by their security groups",
		"locations": [{"path": "c1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "c1", "line": 1, "column": 1, "section": "securitygroup", "key": "firewall_driver"}],
	}}
}

test_unset_security_groups_off if {
	r := rule.report with input as _released([_lb({"enable_security_group": "False"})])
	r == set()
}

test_unset_without_defaults if {
	r := rule.report with input as fx.deployment([_lb({})])
	r == set()
}
