package stacklint.rules.nova.firewall_driver_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.firewall_driver as rule

_d(v) := fx.deployment([fx.node("c", [], [
	fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"firewall_driver": v}}),
	fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {}),
])])

test_noop if {
	r := rule.report with input as _d("nova.virt.firewall.NoopFirewallDriver")
	r == set()
}

test_iptables if {
	r := rule.report with input as _d("nova.virt.libvirt.firewall.IptablesFirewallDriver")
	r == {{
		"message": "nova.conf [DEFAULT] firewall_driver on c is nova.virt.libvirt.firewall.IptablesFirewallDriver while neutron provides security groups: nova filters traffic neutron allows (the option is gone from nova 21.0.0)",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "firewall_driver"}],
	}}
}
