package stacklint.rules.network.tenant_type_not_loaded_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.tenant_type_not_loaded as rule

_input(ml2) := nfx.released([fx.node("ctl", ["neutron-server"], [fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": ml2})])])

test_subset if {
	r := rule.report with input as _input({"type_drivers": "flat,vlan,vxlan", "tenant_network_types": "vxlan"})
	r == set()
}

test_default_type_drivers_load_everything if {
	r := rule.report with input as _input({"tenant_network_types": "geneve"})
	r == set()
}

test_missing_type if {
	r := rule.report with input as _input({"type_drivers": fx.at("flat,vlan", 2), "tenant_network_types": fx.at("vxlan", 3)})
	r == {{
		"message": "ml2_conf.ini [ml2] tenant_network_types on ctl includes 'vxlan', which type_drivers (flat,vlan) does not load: neutron-server stops with 'No type driver for tenant network_type'",
		"locations": [
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 3, "column": 1, "section": "ml2", "key": "tenant_network_types"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 2, "column": 1, "section": "ml2", "key": "type_drivers"},
		],
	}}
}

test_default_local_not_loaded if {
	r := rule.report with input as _input({"type_drivers": "vxlan"})
	some f in r
	contains(f.message, "'local'")
}
