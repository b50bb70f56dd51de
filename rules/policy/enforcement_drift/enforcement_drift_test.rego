package stacklint.rules.policy.enforcement_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.policy.enforcement_drift as rule

_api(name, v) := fx.node(name, ["nova-api"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"oslo_policy": {"enforce_new_defaults": fx.at(v, 4)}})])


# _inp keys each node's file by node path, as the model does.
_inp(a, b, c) := {"nodes": {n.name: json.patch(n, [{"op": "add", "path": "/files", "value": {"etc/nova/nova.conf": n.files[sprintf("%s/etc/nova/nova.conf", [n.name])]}}]) | some n in [_api("ctl1", a), _api("ctl2", b), _api("ctl3", c)]}}

test_one_node_differs if {
	r := rule.report with input as _inp("True", "true", "False")
	r == {{
		"message": "nova: [oslo_policy] enforce_new_defaults is false on ctl3 but true on ctl1 (API nodes are peers, none is the authority: compared with the majority, 2 of 3): the same token is allowed by one API node and refused by the other",
		"locations": [
			{"path": "ctl3/etc/nova/nova.conf", "node": "ctl3", "line": 4, "column": 1, "section": "oslo_policy", "key": "enforce_new_defaults"},
			{"path": "ctl1/etc/nova/nova.conf", "node": "ctl1", "line": 4, "column": 1, "section": "oslo_policy", "key": "enforce_new_defaults"},
		],
	}}
}

test_same_meaning_no_finding if {
	r := rule.report with input as _inp("True", "true", "1")
	r == set()
}

# Unset on one node: the release's default is in effect there (issue 16).
_defaults(v) := {"2024.1": {"nova.conf": {"oslo_policy": {"enforce_new_defaults": {"text": v, "host": false}}}}}

_api_unset(name) := json.patch(fx.node(name, ["nova-api"], [object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {}}), {"headers": [{"name": "DEFAULT", "line": 1}]})]), [{"op": "add", "path": "/files", "value": {"etc/nova/nova.conf": object.union(fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {}}), {"headers": [{"name": "DEFAULT", "line": 1}]})}}])

_api_set(name, v) := json.patch(_api(name, v), [{"op": "add", "path": "/files", "value": {"etc/nova/nova.conf": _api(name, v).files[sprintf("%s/etc/nova/nova.conf", [name])]}}])

_released(nodes, v) := object.union(fx.released_as(fx.deployment(nodes), "2024.1", "2024.1", "auto"), {"defaults": _defaults(v)})

test_unset_default_differs if {
	r := rule.report with input as _released([_api_set("ctl1", "False"), _api_unset("ctl2")], "true")
	r == {{
		"message": "nova: [oslo_policy] enforce_new_defaults is true (not set: its default in 2024.1) on ctl2 but false on ctl1 (API nodes are peers, none is the authority: compared with the value written, as no two agree, 1 of 2): the same token is allowed by one API node and refused by the other",
		"locations": [
			{"path": "ctl2/etc/nova/nova.conf", "node": "ctl2", "line": 1, "column": 1, "section": "oslo_policy", "key": "enforce_new_defaults"},
			{"path": "ctl1/etc/nova/nova.conf", "node": "ctl1", "line": 4, "column": 1, "section": "oslo_policy", "key": "enforce_new_defaults"},
		],
	}}
}

test_unset_default_agrees if {
	r := rule.report with input as _released([_api_set("ctl1", "True"), _api_unset("ctl2")], "true")
	r == set()
}

test_unset_without_defaults if {
	r := rule.report with input as fx.released(fx.deployment([_api_set("ctl1", "False"), _api_unset("ctl2")]), "2024.1", "auto")
	r == set()
}

# The engine's two passes: the aggregate computed on each node's part
# alone, then the report over the union of the records with no node (the
# fleet pass), give the findings of one pass.
test_two_passes if {
	every d in [
		_inp("True", "true", "False"),
		_released([_api_set("ctl1", "False"), _api_unset("ctl2")], "true"),
	] {
		agg := {x | some name, n in d.nodes; some x in rule.aggregate with input as object.union(object.remove(d, ["nodes"]), {"nodes": {name: n}})}
		r := rule.report with rule.aggregate as agg with input as object.union(object.remove(d, ["nodes"]), {"nodes": {}})
		count(r) > 0
		r == rule.report with input as d
	}
}
