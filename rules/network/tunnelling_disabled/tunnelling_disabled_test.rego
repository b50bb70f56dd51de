package stacklint.rules.network.tunnelling_disabled_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.tunnelling_disabled as rule

_ml2(types) := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"tenant_network_types": fx.at(types, 3)}})

_ovs(agent) := fx.file("cmp", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"agent": agent})

_input(types, agent) := nfx.released([
	fx.node("ctl", ["neutron-server"], [_ml2(types)]),
	fx.node("cmp", ["neutron-openvswitch-agent"], [_ovs(agent)]),
])

test_tunnel_types_match if {
	r := rule.report with input as _input("vxlan", {"tunnel_types": "vxlan,gre"})
	r == set()
}

test_provider_only_needs_no_tunnels if {
	r := rule.report with input as _input("vlan", {})
	r == set()
}

test_ovs_without_vxlan if {
	r := rule.report with input as _input("vxlan", {"tunnel_types": fx.at("gre", 5)})
	r == {{
		"message": "ml2_conf.ini on ctl makes 'vxlan' a project network type, but the openvswitch agent on cmp does not list vxlan in its tunnel types: its ports cannot join those networks",
		"locations": [
			{"path": "cmp/etc/neutron/plugins/ml2/openvswitch_agent.ini", "node": "cmp", "line": 5, "column": 1, "section": "agent", "key": "tunnel_types"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 3, "column": 1, "section": "ml2", "key": "tenant_network_types"},
		],
	}}
}

test_linuxbridge_enable_vxlan_off if {
	lb := fx.file("cmp", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "False"}})
	inp := nfx.released([fx.node("ctl", ["neutron-server"], [_ml2("vxlan")]), fx.node("cmp", ["neutron-linuxbridge-agent"], [lb])])
	r := rule.report with input as inp
	some f in r
	contains(f.message, "has enable_vxlan off")
}

# Icehouse's OVS agent (issue 16): [ovs] tunnel_type is the server plugin's
# option; the agent builds gre tunnels only with enable_tunneling = true
# (default false) or [agent] tunnel_types.
_icehouse(ovs) := nfx.released([
	fx.node("ctl", ["neutron-server"], [_ml2("gre")]),
	fx.node("cmp", ["neutron-openvswitch-agent"], [fx.file("cmp", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ovs": ovs})]),
])

test_icehouse_tunnel_type_alone if {
	r := rule.report with input as _icehouse({"tunnel_type": "gre", "local_ip": "10.0.1.31"})
	count(r) == 1
}

test_icehouse_enable_tunneling if {
	r := rule.report with input as _icehouse({"tunnel_type": "gre", "enable_tunneling": "True", "local_ip": "10.0.1.31"})
	r == set()
}

# Unset [agent] tunnel_types (issue 16): the release's default, none.
test_tunnel_types_unset if {
	r := rule.report with input as _input("vxlan", {})
	r == {{
		"message": "ml2_conf.ini on ctl makes 'vxlan' a project network type, but the openvswitch agent on cmp builds no tunnel ([agent] tunnel_types is not set: its default in zed, (none)): its ports cannot join those networks",
		"locations": [
			{"path": "cmp/etc/neutron/plugins/ml2/openvswitch_agent.ini", "node": "cmp", "line": 1, "column": 1, "section": "agent", "key": "tunnel_types"},
			{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 3, "column": 1, "section": "ml2", "key": "tenant_network_types"},
		],
	}}
}

# A config-dir file the agent loads after its ini turns VXLAN off again
# (RDO's conf.d/<process>, issue 16).
_layered(conf_d) := nfx.released([
	fx.node("ctl", ["neutron-server"], [_ml2("vxlan")]),
	object.union(
		fx.node("cmp", ["neutron-linuxbridge-agent"], [_lb, conf_d]),
		{"processes": {"neutron-linuxbridge-agent": {"files": [_lb.path, conf_d.path]}}},
	),
])

_lb := fx.file("cmp", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true", "local_ip": "10.0.1.31"}})

test_conf_d_overrides_agent_ini if {
	conf_d := fx.file("cmp", "neutron-conf.d", "etc/neutron/conf.d/neutron-linuxbridge-agent/10.conf", {"vxlan": {"enable_vxlan": fx.at("false", 2)}})
	r := rule.report with input as _layered(conf_d)
	some f in r
	contains(f.message, "has enable_vxlan off (in cmp/etc/neutron/conf.d/neutron-linuxbridge-agent/10.conf)")
	f.locations[0].line == 2
}

test_conf_d_agrees if {
	conf_d := fx.file("cmp", "neutron-conf.d", "etc/neutron/conf.d/neutron-linuxbridge-agent/10.conf", {"vxlan": {"enable_vxlan": "true"}})
	r := rule.report with input as _layered(conf_d)
	r == set()
}

# _two_pass is the rule's report as the engine's two passes give it: its
# aggregate computed on each node's part alone, the report over the
# fleet-wide facts with aggregate the union of the parts' records.
_two_pass(doc) := r if {
	recs := {x |
		some name, _ in doc.nodes
		agg := rule.aggregate with input as nfx.part(doc, name)
		some x in agg
	}
	r := rule.report with input as nfx.fleet(doc) with rule.aggregate as recs
}

# Through the two passes: the project network types and the agents come
# from different nodes' records.
test_two_passes if {
	every inp in [_input("vxlan", {"tunnel_types": fx.at("gre", 5)}), _input("vxlan", {}), _icehouse({"tunnel_type": "gre"})] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
}
