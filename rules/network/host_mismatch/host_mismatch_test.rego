package stacklint.rules.network.host_mismatch_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.host_mismatch as rule

_input(nova, neutron) := fx.deployment([object.union(fx.node("c", [], [
	fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"host": fx.at(nova, 2)}}),
	fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"host": fx.at(neutron, 3)}}),
]), {"roles": ["compute"]})])

test_same_host if {
	r := rule.report with input as _input("compute1", "Compute1")
	r == set()
}

test_different_hosts if {
	r := rule.report with input as _input("compute1", "compute1.example.com")
	r == {{
		"message": "nova.conf [DEFAULT] host on c is 'compute1' but neutron.conf [DEFAULT] host on c is 'compute1.example.com': neutron cannot bind ports for the instances nova starts there",
		"locations": [
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 2, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 3, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

test_localhost if {
	r := rule.report with input as _input("localhost", "localhost")
	count(r) == 2
}

# _named is a compute node "c" whose etc/hostname says compute1, with nova's
# and neutron's [DEFAULT] sections as given.
_named(nova, neutron) := fx.deployment([object.union(fx.node("c", [], [
	fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": nova}),
	fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": neutron}),
	{"kind": "hostname", "path": "c/etc/hostname", "node": "c", "sections": {}},
]), {"roles": ["compute"], "hostname": "compute1"})])

test_neutron_host_copied if {
	r := rule.report with input as _named({}, {"host": fx.at("controller", 3)})
	r == {{
		"message": "neutron.conf [DEFAULT] host on c is 'controller' but nova.conf [DEFAULT] host on c is not set (its default is the host name, 'compute1'): neutron cannot bind ports for the instances nova starts there",
		"locations": [
			{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 3, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

test_written_host_name if {
	r := rule.report with input as _named({"host": fx.at("Compute1", 2)}, {})
	r == set()
}

test_unset_both if {
	r := rule.report with input as _named({}, {})
	r == set()
}

# without etc/hostname the folder name is no evidence: nothing to compare.
test_no_hostname_file if {
	d := fx.deployment([object.union(fx.node("c", [], [
		fx.file("c", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {}}),
		fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"host": fx.at("compute9", 3)}}),
	]), {"roles": ["compute"]})])
	r := rule.report with input as d
	r == set()
}

# nova's host copied from another compute node: SL-NOVA-007 reports it.
test_nova_host_copied_left_to_nova_007 if {
	other := object.union(fx.node("c2", [], [
		fx.file("c2", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {}}),
		{"kind": "hostname", "path": "c2/etc/hostname", "node": "c2", "sections": {}},
	]), {"roles": ["compute"], "hostname": "compute2"})
	d := _named({"host": fx.at("compute2", 2)}, {})
	r := rule.report with input as object.union(d, {"nodes": {"c2": other}})
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

# Through the two passes: whether nova's host is another compute node's
# is judged from every compute node's record.
test_two_passes if {
	other := object.union(fx.node("c2", [], [
		fx.file("c2", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {}}),
		{"kind": "hostname", "path": "c2/etc/hostname", "node": "c2", "sections": {}},
	]), {"roles": ["compute"], "hostname": "compute2"})
	copied := object.union(_named({"host": fx.at("compute2", 2)}, {}), {"nodes": {"c2": other}})
	_two_pass(copied) == set()
	differ := object.union(_named({"host": fx.at("compute3", 2)}, {}), {"nodes": {"c2": other}})
	count(_two_pass(differ)) == 1
	_two_pass(differ) == rule.report with input as differ
	count(_two_pass(_input("localhost", "localhost"))) == 2
}
