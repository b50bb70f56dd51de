package stacklint.rules.network.plugin_ini_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.plugin_ini as rule

_d(p, m) := fx.deployment([fx.node("c", [], [
	fx.file("c", "plugin.ini", "etc/neutron/plugin.ini", p),
	fx.file("c", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", m),
])])

test_link if {
	r := rule.report with input as _d({"ml2": {"type_drivers": "vxlan"}}, {"ml2": {"type_drivers": "vxlan"}})
	r == set()
}

test_copy_diverged if {
	r := rule.report with input as _d({"ml2": {"type_drivers": "gre"}}, {"ml2": {"type_drivers": "vxlan", "mechanism_drivers": "openvswitch"}})
	r == {{
		"message": "plugin.ini on c differs from ml2_conf.ini in [ml2] mechanism_drivers, [ml2] type_drivers: neutron-server (RDO) reads plugin.ini, everyone else reads ml2_conf.ini",
		"locations": [{"path": "c/etc/neutron/plugin.ini", "node": "c"}, {"path": "c/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "c"}],
	}}
}
