package stacklint.rules.policy.policy_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.policy_drift as rule

_doc(node) := {"path": sprintf("%s/etc/nova/policy.yaml", [node]), "node": node, "service": "nova", "read_as": "policy_file", "loader": "yaml", "rules": {}}

# _node holds the policies in force on a node (name → [line, str]).
_node(name, rules) := object.union(fx.node(name, [], []), {"policies_in_force": {"nova": {n: {"str": s, "path": sprintf("%s/etc/nova/policy.yaml", [name]), "line": l, "column": 3} | some n, [l, s] in rules}}})

test_one_controller_differs if {
	inp := {
		"nodes": {
			"ctl1": _node("ctl1", {"a": [2, "role:admin"], "b": [3, "role:x"]}),
			"ctl2": _node("ctl2", {"a": [2, "role:admin"], "b": [3, "role:x"]}),
			"ctl3": _node("ctl3", {"a": [2, "role:member"]}),
		},
		"policies": [_doc("ctl1"), _doc("ctl2"), _doc("ctl3")],
	}
	r := rule.report with input as inp
	r == {{
		"message": "nova policies on ctl3 differ from the other nova API nodes (a is 'role:member' here, 'role:admin' on ctl1; b is (its default) here, 'role:x' on ctl1; the API nodes are peers, none is the authority: each policy is compared with what most of them enforce, the first node by path on a tie): authorisation depends on which node serves the request",
		"locations": [
			{"path": "ctl3/etc/nova/policy.yaml", "node": "ctl3", "line": 2, "column": 3, "key": "a"},
			{"path": "ctl3/etc/nova/policy.yaml", "node": "ctl3", "line": 1},
			{"path": "ctl1/etc/nova/policy.yaml", "node": "ctl1", "line": 2, "column": 3, "key": "a"},
		],
	}}
}

test_api_node_without_file if {
	inp := {"nodes": {"ctl1": _node("ctl1", {"a": [2, "role:admin"]}), "ctl2": fx.node("ctl2", ["nova-api"], [])}, "policies": [_doc("ctl1")]}
	some f in rule.report with input as inp
	f.locations[0] == {"path": "ctl2/etc/nova/nova.conf", "node": "ctl2"}
}

test_same_policies_no_finding if {
	inp := {"nodes": {"ctl1": _node("ctl1", {"a": [2, "role:admin"]}), "ctl2": _node("ctl2", {"a": [5, "role:admin"]})}, "policies": [_doc("ctl1"), _doc("ctl2")]}
	r := rule.report with input as inp
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		{"nodes": {"ctl1": _node("ctl1", {"a": [2, "role:admin"], "b": [3, "role:x"]}), "ctl2": _node("ctl2", {"a": [2, "role:admin"], "b": [3, "role:x"]}), "ctl3": _node("ctl3", {"a": [2, "role:member"]})}, "policies": [_doc("ctl1"), _doc("ctl2"), _doc("ctl3")]},
		{"nodes": {"ctl1": _node("ctl1", {"a": [2, "role:admin"]}), "ctl2": fx.node("ctl2", ["nova-api"], [])}, "policies": [_doc("ctl1")]},
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
