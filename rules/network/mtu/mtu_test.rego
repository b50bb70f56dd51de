package stacklint.rules.network.mtu_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.mtu as rule

_neutron(node, mtu) := fx.file(node, "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"global_physnet_mtu": fx.at(mtu, 4)}})

_ml2(node, types) := fx.file(node, "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"tenant_network_types": fx.at(types, 3)}})

_dhcp := fx.file("net", "dhcp_agent.ini", "etc/neutron/dhcp_agent.ini", {"DEFAULT": {"dnsmasq_config_file": fx.at("/etc/neutron/dnsmasq-neutron.conf", 7)}})

_dnsmasq(mtu) := {"kind": "dnsmasq", "path": "net/etc/neutron/dnsmasq-neutron.conf", "node": "net", "directives": [
	{"line": 1, "name": "dhcp-option-force", "args": [sprintf("26,%d", [mtu])], "block": ""},
]}

_d(mtu1, mtu2, types, forced) := fx.deployment([
	fx.node("s1", ["neutron-server"], [_neutron("s1", mtu1), _ml2("s1", types)]),
	fx.node("s2", ["neutron-server"], [_neutron("s2", mtu2), _ml2("s2", types)]),
	fx.node("net", ["neutron-dhcp-agent"], [_dhcp, _dnsmasq(forced)]),
])

test_coherent if {
	r := rule.report with input as _d("1500", "1500", "vxlan", 1450)
	r == set()
}

# GRE carries 1458 on a 1500 underlay: the old 1454 fits there.
test_gre_era_value_on_gre if {
	r := rule.report with input as _d("1500", "1500", "gre", 1454)
	r == set()
}

test_forced_above_vxlan_room if {
	r := rule.report with input as _d("1500", "1500", "vxlan", 1454)
	r == {{
		"message": "net/etc/neutron/dnsmasq-neutron.conf:1 forces MTU 1454 on instances (read through dhcp_agent.ini [DEFAULT] dnsmasq_config_file on net), but vxlan project networks carry at most 1450 on a 1500 underlay (global_physnet_mtu - 50 bytes of vxlan overhead): larger packets are dropped",
		"locations": [
			{"path": "net/etc/neutron/dnsmasq-neutron.conf", "node": "net", "line": 1, "column": 1},
			fx.loc(_dhcp, "DEFAULT", "dnsmasq_config_file", 7),
			fx.loc(_ml2("s1", "vxlan"), "ml2", "tenant_network_types", 3),
		],
	}}
}

# Jumbo frames leave room for it.
test_forced_on_jumbo_underlay if {
	r := rule.report with input as _d("9000", "9000", "vxlan", 1454)
	r == set()
}

test_server_drift if {
	d := fx.deployment([
		fx.node("s1", ["neutron-server"], [_neutron("s1", "9000")]),
		fx.node("s2", ["neutron-server"], [_neutron("s2", "9000")]),
		fx.node("s3", ["neutron-server"], [_neutron("s3", "1500")]),
	])
	r := rule.report with input as d
	r == {{
		"message": "global_physnet_mtu is 1500 on s3 (s3/etc/neutron/neutron.conf), but 9000 on s1 (s1/etc/neutron/neutron.conf; neutron servers are peers, none is the authority: compared with the majority, 2 of 3): a network's MTU depends on which neutron-server created it",
		"locations": [
			fx.loc(_neutron("s3", "1500"), "DEFAULT", "global_physnet_mtu", 4),
			fx.loc(_neutron("s1", "9000"), "DEFAULT", "global_physnet_mtu", 4),
		],
	}}
}

# global_physnet_mtu set in a config-dir drop-in s1's neutron-server loads
# after neutron.conf is the value in effect there: s2 has the default.
test_drift_from_conf_d if {
	n1 := fx.file("s1", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"debug": "false"}})
	dropin := fx.file("s1", "neutron.conf.d", "etc/neutron/neutron.conf.d/mtu.conf", {"DEFAULT": {"global_physnet_mtu": fx.at("9000", 2)}})
	m1 := _ml2("s1", "vxlan")
	s1 := object.union(fx.node("s1", ["neutron-server"], [n1, dropin, m1]), {"processes": {"neutron-server": {"files": [n1.path, m1.path, dropin.path]}}})
	n2 := fx.file("s2", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"debug": "false"}})
	s2 := fx.node("s2", ["neutron-server"], [n2, _ml2("s2", "vxlan")])
	s3 := fx.node("s3", ["neutron-server"], [_neutron("s3", "1500"), _ml2("s3", "vxlan")])
	r := rule.report with input as nfx.released([s1, s2, s3])
	[m] := [f.message | some f in r]
	m == "global_physnet_mtu is 9000 on s1 (s1/etc/neutron/neutron.conf.d/mtu.conf), but 1500 on s2 (s2/etc/neutron/neutron.conf; neutron servers are peers, none is the authority: compared with the majority, 2 of 3): a network's MTU depends on which neutron-server created it"
}

# Written as the default on one server, unset on the other: no drift.
test_written_default_vs_unset_no_hit if {
	s1 := fx.node("s1", ["neutron-server"], [_neutron("s1", "1500"), fx.file("s1", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"tenant_network_types": "vxlan", "path_mtu": "0"}})])
	s2 := fx.node("s2", ["neutron-server"], [fx.file("s2", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"debug": "false"}}), _ml2("s2", "vxlan")])
	r := rule.report with input as nfx.released([s1, s2])
	r == set()
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The forced MTU sits on
# the DHCP node, the project network types and the underlay on the
# servers; a jumbo server elsewhere lifts the underlay for everyone.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		_d("1500", "1500", "vxlan", 1454),
		_d("9000", "1500", "vxlan", 1454),
		fx.deployment([
			fx.node("s1", ["neutron-server"], [_neutron("s1", "9000")]),
			fx.node("s2", ["neutron-server"], [_neutron("s2", "9000")]),
			fx.node("s3", ["neutron-server"], [_neutron("s3", "1500")]),
		]),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
	r := _two_pass(_d("9000", "1500", "vxlan", 1454))
	{f.locations[0].path | some f in r} == {"s2/etc/neutron/neutron.conf"}
}
