package stacklint.rules.nova.host_duplicate_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.host_duplicate as rule

_compute(name, host) := object.union(fx.node(name, [], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"host": fx.at(host, 2)}})]), {"roles": ["compute"]})

test_unique if {
	r := rule.report with input as fx.deployment([_compute("c1", "compute1"), _compute("c2", "compute2")])
	r == set()
}

test_copied if {
	r := rule.report with input as fx.deployment([_compute("c1", "compute1"), _compute("c2", "compute1")])
	r == {{
		"message": "nova.conf [DEFAULT] host on c2 is 'compute1', as is nova.conf [DEFAULT] host on c1: both compute nodes register as the same nova host",
		"locations": [
			{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 2, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 2, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

# _named is a compute node whose etc/hostname says hostname, its nova.conf
# [DEFAULT] as given.
_named(name, hostname, defaults) := object.union(fx.node(name, [], [
	fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": defaults}),
	{"kind": "hostname", "path": sprintf("%s/etc/hostname", [name]), "node": name, "sections": {}},
]), {"roles": ["compute"], "hostname": hostname})

test_copied_host_name if {
	r := rule.report with input as fx.deployment([_named("c1", "compute1", {"host": fx.at("compute2", 2)}), _named("c2", "compute2", {})])
	r == {{
		"message": "nova.conf [DEFAULT] host on c1 is 'compute2', the host name of c2, where nova.conf [DEFAULT] host on c2 is not set: both compute nodes register as the same nova host",
		"locations": [
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 2, "column": 1, "section": "DEFAULT", "key": "host"},
			{"path": "c2/etc/nova/nova.conf", "node": "c2", "line": 1, "column": 1, "section": "DEFAULT", "key": "host"},
		],
	}}
}

test_own_host_name if {
	r := rule.report with input as fx.deployment([_named("c1", "compute1", {"host": fx.at("compute1", 2)}), _named("c2", "compute2", {})])
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_named("c1", "compute1", {"host": fx.at("compute2", 2)}), _named("c2", "compute2", {})]),
		fx.deployment([_compute("c1", "compute1"), _compute("c2", "compute1")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
