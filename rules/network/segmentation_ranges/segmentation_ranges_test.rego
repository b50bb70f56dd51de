package stacklint.rules.network.segmentation_ranges_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
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

_server(sections) := fx.node("ctl", ["neutron-server"], [object.union(
	fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", sections),
	{"headers": [{"name": "ml2", "line": 2}, {"name": "ml2_type_gre", "line": 6}]},
)])

# Unset: the release's default (no range) is in effect; the finding says so
# and points at the file's start (the section is absent).
test_vxlan_without_vni_ranges if {
	r := rule.report with input as nfx.released([_server({"ml2": {"tenant_network_types": fx.at("vxlan", 3)}, "ml2_type_gre": {"vni_ranges": "1:1000"}})])
	r == {{
		"message": "ml2_conf.ini on ctl makes 'vxlan' a project network type, but ml2_conf.ini [ml2_type_vxlan] vni_ranges on ctl (not set: its default in zed, (none)) names no range: no project network can be allocated",
		"locations": [
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 3, "column": 1, "section": "ml2", "key": "tenant_network_types"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 1, "column": 1, "section": "ml2_type_vxlan", "key": "vni_ranges"},
		],
	}}
}

# Unset GRE ranges with the [ml2_type_gre] header present: located there.
test_gre_unset_at_section if {
	r := rule.report with input as nfx.released([_server({"ml2": {"tenant_network_types": fx.at("gre", 3)}, "ml2_type_gre": {"mtu": "1400"}})])
	[f] := [f | some f in r]
	f.locations[1] == {"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 6, "column": 1, "section": "ml2_type_gre", "key": "tunnel_id_ranges"}
}

# Written empty in the ML2 file, set in a config-dir drop-in neutron-server
# loads after it: the range is in effect, no finding.
test_range_in_conf_d_no_hit if {
	ml2 := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"tenant_network_types": "vxlan"}, "ml2_type_vxlan": {"vni_ranges": ""}})
	dropin := fx.file("ctl", "neutron.conf.d", "etc/neutron/neutron.conf.d/ranges.conf", {"ml2_type_vxlan": {"vni_ranges": "1:1000"}})
	n := object.union(fx.node("ctl", ["neutron-server"], [ml2, dropin]), {"processes": {"neutron-server": {"files": [ml2.path, dropin.path]}}})
	r := rule.report with input as nfx.released([n])
	r == set()
}

test_vxlan_written_empty_hit if {
	r := rule.report with input as nfx.released([_server({"ml2": {"tenant_network_types": "vxlan"}, "ml2_type_vxlan": {"vni_ranges": ""}})])
	count(r) == 1
}

test_vlan_with_physnet_only if {
	r := rule.report with input as _input({"ml2": {"tenant_network_types": "vlan"}, "ml2_type_vlan": {"network_vlan_ranges": "provider"}})
	count(r) == 1
}

# ML2 takes the first project network type that allocates: vlan without a
# range is skipped while vxlan has one (an info), and flat is never a
# project network.
test_type_skipped_for_another if {
	r := rule.report with input as _input({
		"ml2": {"tenant_network_types": "flat,vlan,vxlan"},
		"ml2_type_vxlan": {"vni_ranges": "10001:65535"},
	})
	count(r) == 1
	some f in r
	f.severity == "info"
	endswith(f.message, "names no range: ML2 skips it and gives project networks the type 'vxlan'")
}

test_no_type_allocates if {
	r := rule.report with input as _input({
		"ml2": {"tenant_network_types": "vlan,vxlan"},
		"ml2_type_vlan": {"network_vlan_ranges": "provider"},
	})
	count(r) == 2
	every f in r {
		not f.severity
		endswith(f.message, "no project network can be allocated")
	}
}
