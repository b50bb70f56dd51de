package stacklint.rules.network.physnet_unmapped_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.physnet_unmapped as rule

_ml2 := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2_type_flat": {"flat_networks": fx.at("provider", 8)}})

_lb(node, mapping) := fx.file(node, "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"linux_bridge": {"physical_interface_mappings": fx.at(mapping, 2)}})

_compute(name, mapping) := object.union(fx.node(name, ["neutron-linuxbridge-agent"], [_lb(name, mapping)]), {"roles": ["compute"]})

_input(m1, m2) := fx.deployment([fx.node("ctl", ["neutron-server"], [_ml2]), _compute("cmp1", m1), _compute("cmp2", m2)])

test_mapped_everywhere if {
	r := rule.report with input as _input("provider:eth1", "provider:eth1")
	r == set()
}

test_mapped_nowhere if {
	r := rule.report with input as _input("physnet1:eth1", "physnet1:eth1")
	r == {{
		"message": "ml2_conf.ini [ml2_type_flat] flat_networks on ctl declares physical network 'provider', but no L2 agent maps it: no port on it can bind",
		"locations": [{"path": "ctl/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "ctl", "line": 8, "column": 1, "section": "ml2_type_flat", "key": "flat_networks"}],
	}}
}

test_one_compute_lacks_it if {
	r := rule.report with input as _input("provider:eth1", "")
	r == {{
		"message": "the linuxbridge agent on cmp2 maps no physical network 'provider', unlike cmp1: instances on networks of 'provider' fail to bind there",
		"locations": [{"path": "cmp2/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "node": "cmp2", "line": 2, "column": 1, "section": "linux_bridge", "key": "physical_interface_mappings"}],
	}}
}

# A physnet declared in a config-dir drop-in neutron-server loads after the
# ML2 file is declared in effect: unmapped, it is reported where written.
test_declared_in_conf_d if {
	dropin := fx.file("ctl", "neutron.conf.d", "etc/neutron/neutron.conf.d/flat.conf", {"ml2_type_flat": {"flat_networks": fx.at("ext", 2)}})
	ml2 := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"type_drivers": "flat"}})
	ctl := object.union(fx.node("ctl", ["neutron-server"], [ml2, dropin]), {"processes": {"neutron-server": {"files": [ml2.path, dropin.path]}}})
	r := rule.report with input as nfx.released([ctl, _compute("cmp1", "provider:eth1")])
	r == {{
		"message": "neutron.conf.d [ml2_type_flat] flat_networks on ctl declares physical network 'ext', but no L2 agent maps it: no port on it can bind",
		"locations": [{"path": "ctl/etc/neutron/neutron.conf.d/flat.conf", "node": "ctl", "line": 2, "column": 1, "section": "ml2_type_flat", "key": "flat_networks"}],
	}}
}

# The agent's mapping written in a drop-in it loads after its ini file is in
# effect: no false alarm.
test_mapping_in_agent_conf_d_no_hit if {
	lb := _lb("cmp2", "")
	dropin := fx.file("cmp2", "neutron.conf.d", "etc/neutron/neutron.conf.d/map.conf", {"linux_bridge": {"physical_interface_mappings": "provider:eth1"}})
	cmp2 := object.union(fx.node("cmp2", ["neutron-linuxbridge-agent"], [lb, dropin]), {"roles": ["compute"], "processes": {"neutron-linuxbridge-agent": {"files": [lb.path, dropin.path]}}})
	r := rule.report with input as nfx.released([fx.node("ctl", ["neutron-server"], [_ml2]), _compute("cmp1", "provider:eth1"), cmp2])
	r == set()
}

# Unset flat_networks: its default '*' names no physnet.
test_flat_default_no_hit if {
	ml2 := fx.file("ctl", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {"ml2": {"type_drivers": "flat"}})
	r := rule.report with input as nfx.released([fx.node("ctl", ["neutron-server"], [ml2]), _compute("cmp1", "physnet1:eth1")])
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

# Through the two passes: the declared physnets and each agent's mappings
# (and its node's roles) come from different nodes' records.
test_two_passes if {
	every inp in [_input("physnet1:eth1", "physnet1:eth1"), _input("provider:eth1", "")] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
}
