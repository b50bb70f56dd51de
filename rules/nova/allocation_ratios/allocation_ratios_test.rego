package stacklint.rules.nova.allocation_ratios_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.allocation_ratios as rule

_cmp(name, ratio) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"cpu_allocation_ratio": ratio}})]),
	{"roles": ["compute"]},
)

test_same if {
	r := rule.report with input as fx.deployment([_cmp("c1", "4.0"), _cmp("c2", "4")])
	r == set()
}

test_differs if {
	r := rule.report with input as fx.deployment([_cmp("c1", "4.0"), _cmp("c2", "4.0"), _cmp("c3", "16.0")])
	r == {{
		"message": "nova.conf [DEFAULT] cpu_allocation_ratio on c3 is 16.0, but nova.conf [DEFAULT] cpu_allocation_ratio on c1 is 4.0 (compute nodes are peers, none is the authority: compared with the majority, 2 of 3)",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 1, "column": 1, "section": "DEFAULT", "key": "cpu_allocation_ratio"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "DEFAULT", "key": "cpu_allocation_ratio"},
		],
	}}
}

# A node that leaves the ratio unset runs with its release's default, which
# is compared like a written value (issue 16).
_unset(name) := object.union(
	fx.node(name, ["nova-compute"], [object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": "10.0.0.1"}}), {"headers": [{"name": "DEFAULT", "line": 1}]})]),
	{"roles": ["compute"]},
)

_defaults := {"zed": {"nova.conf": {"DEFAULT": {"cpu_allocation_ratio": {"text": "", "host": false}}}}}

test_unset_differs if {
	d := fx.released_as(fx.deployment([_cmp("c1", "16.0"), _unset("c2"), _unset("c3")]), "zed", "2022.2", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	{f.message | some f in r} == {"nova.conf [DEFAULT] cpu_allocation_ratio on c1 is 16.0, but nova.conf [DEFAULT] cpu_allocation_ratio on c2 is unset (its default in zed, (none)) (compute nodes are peers, none is the authority: compared with the majority, 2 of 3)"}
}

test_all_unset if {
	d := fx.released_as(fx.deployment([_unset("c1"), _unset("c2")]), "zed", "2022.2", "auto")
	r := rule.report with input as object.union(d, {"defaults": _defaults})
	r == set()
}

# Files older than every schema: Stein's default (None) is not theirs
# (16.0 before Stein), so an unset node is not compared.
test_unset_below_oldest if {
	d := fx.released_as(fx.deployment([_cmp("c1", "16.0"), _unset("c2"), _unset("c3")]), "stein", "2019.1", "auto")
	older := object.union(d, {"nodes": {n: object.union(node, {"files": {p: object.union(f, {"release": object.union(f.release, {"below_oldest": true})}) | some p, f in node.files}}) | some n, node in d.nodes}})
	r := rule.report with input as object.union(older, {"defaults": {"stein": _defaults.zed}})
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		fx.deployment([_cmp("c1", "4.0"), _cmp("c2", "4.0"), _cmp("c3", "16.0")]),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
