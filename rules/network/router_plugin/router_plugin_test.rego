package stacklint.rules.network.router_plugin_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.network.router_plugin as rule

_d(plugins) := fx.deployment([
	fx.node("c", ["neutron-server"], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"service_plugins": plugins}})]),
	fx.node("n", ["neutron-l3-agent"], []),
])

test_router_loaded if {
	r := rule.report with input as _d("router, qos")
	r == set()
}

test_router_missing if {
	r := rule.report with input as _d("qos")
	r == {{
		"message": "L3 agents run on n, but neutron.conf [DEFAULT] service_plugins on c does not load the router plugin: routers cannot be created",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "service_plugins"}],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The L3 agent and the
# server are on different nodes; a second server that loads the router
# plugin (on its own node) silences the first.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

_server(name, plugins) := fx.node(name, ["neutron-server"], [fx.file(name, "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"service_plugins": plugins}})])

test_two_passes if {
	hit := fx.deployment([_server("c1", "qos"), _server("c2", "qos"), fx.node("n", ["neutron-l3-agent"], [])])
	r := _two_pass(hit)
	count(r) == 1
	r == rule.report with input as hit
	_two_pass(fx.deployment([_server("c1", "qos"), _server("c2", "router"), fx.node("n", ["neutron-l3-agent"], [])])) == set()
}
