package stacklint.rules.nova.firewall_driver_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. neutron.conf is on the
# network node n, the nova.conf reported on compute node c; without n,
# nothing.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

_nova(v) := fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"firewall_driver": v}})])

test_two_passes if {
	d := fx.deployment([_nova("nova.virt.libvirt.firewall.IptablesFirewallDriver"), fx.node("n", [], [fx.file("n", "neutron.conf", "etc/neutron/neutron.conf", {})])])
	r := _two_pass(d)
	count(r) == 1
	r == rule.report with input as d
	_two_pass(fx.deployment([_nova("nova.virt.libvirt.firewall.IptablesFirewallDriver")])) == set()
}
