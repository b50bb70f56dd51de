package stacklint.rules.network.router_plugin_test

import data.stacklint.fixtures as fx
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
