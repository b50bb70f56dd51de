package stacklint.rules.endpoints.unresolved_host_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.unresolved_host as rule

_nova(h) := fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": {"value": "rabbit://x", "line": 2, "column": 1, "url": {"hosts": [h]}}}})

_input(h) := object.union(fx.deployment([fx.node("cmp", [], [_nova(h)])]), {"hosts": {"t1": {"controller": ["10.0.0.11"], "mq": ["10.0.0.12"]}}})

test_resolved_or_unknown_everywhere if {
	r := rule.report with input as _input({"host": "controller", "resolved": ["10.0.0.11"]})
	r == set()
	dns := rule.report with input as _input({"host": "rabbit.example.com", "resolved": []})
	dns == set()
	no_hosts_file := rule.report with input as _input({"host": "controler"})
	no_hosts_file == set()
}

test_typo if {
	r := rule.report with input as _input({"host": "controler", "resolved": [], "near": "controller"})
	r == {{
		"message": "nova.conf [DEFAULT] transport_url on cmp names host 'controler', which cmp's /etc/hosts does not resolve (did you mean 'controller'?): the service cannot connect",
		"locations": [{"path": "cmp/etc/nova/nova.conf", "node": "cmp", "line": 2, "column": 1, "section": "DEFAULT", "key": "transport_url"}],
	}}
}

test_known_on_other_nodes if {
	r := rule.report with input as _input({"host": "mq", "resolved": []})
	some f in r
	contains(f.message, "(other nodes' /etc/hosts do)")
}

test_keystone_url_reaches_node_without_keystone if {
	nova := fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"auth_url": fx.url("http", "compute1", 5000, "", ["10.0.0.31"], 5)}})
	inp := object.union(
		fx.deployment([fx.node("ctl", ["keystone"], []), fx.node("compute1", ["nova-compute"], []), fx.node("cmp", [], [nova])]),
		{"owners": {"10.0.0.31": "compute1"}},
	)
	r := rule.report with input as inp
	r == {{
		"message": "nova.conf [keystone_authtoken] auth_url on cmp names 'compute1', which reaches compute1, where no keystone runs",
		"locations": [{"path": "cmp/etc/nova/nova.conf", "node": "cmp", "line": 5, "column": 1, "section": "keystone_authtoken", "key": "auth_url"}],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	nova := fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"auth_url": fx.url("http", "compute1", 5000, "", ["10.0.0.31"], 5)}})
	every d in [
		_input({"host": "controler", "resolved": [], "near": "controller"}),
		_input({"host": "mq", "resolved": []}),
		object.union(
			fx.deployment([fx.node("ctl", ["keystone"], []), fx.node("compute1", ["nova-compute"], []), fx.node("cmp", [], [nova])]),
			{"owners": {"10.0.0.31": "compute1"}},
		),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
