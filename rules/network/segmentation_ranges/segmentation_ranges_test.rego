package stacklint.rules.network.segmentation_ranges_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.segmentation_ranges as rule

_input(sections) := fx.deployment([fx.node("ctl", ["neutron-server"], [fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", sections)])])

test_ranges_present if {
	r := rule.report with input as _input({
		"ml2": {"tenant_network_types": "vxlan,vlan"},
		"ml2_type_vxlan": {"vni_ranges": "1:1000"},
		"ml2_type_vlan": {"network_vlan_ranges": "provider,physnet1:100:200"},
	})
	r == set()
}

test_vxlan_without_vni_ranges if {
	r := rule.report with input as _input({"ml2": {"tenant_network_types": fx.at("vxlan", 3)}, "ml2_type_gre": {"vni_ranges": "1:1000"}})
	r == {{
		"message": "ml2_conf.ini on ctl makes 'vxlan' a project network type, but [ml2_type_vxlan] vni_ranges names no range: no project network can be allocated",
		"locations": [
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 3, "column": 1, "section": "ml2", "key": "tenant_network_types"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "section": "ml2_type_vxlan", "key": "vni_ranges"},
		],
	}}
}

test_vlan_with_physnet_only if {
	r := rule.report with input as _input({"ml2": {"tenant_network_types": "vlan"}, "ml2_type_vlan": {"network_vlan_ranges": "provider"}})
	count(r) == 1
}
