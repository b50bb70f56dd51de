# METADATA
# title: L3 agents without the router service plugin
# description: |
#   neutron-server offers routers only when [DEFAULT] service_plugins
#   loads the router plugin (router, or its class path L3RouterPlugin).
#   L3 agents deployed while no neutron-server loads it never receive a
#   router: the agents report alive and `openstack router create` fails
#   with 404.
# custom:
#   id: SL-NET-011
#   severity: warning
#   inputs: [l3_agent.ini]
#   remediation: |
#     Add router to service_plugins in neutron.conf on every neutron-server
#     node (service_plugins = router), or remove the L3 agents.
package stacklint.rules.network.router_plugin

import data.stacklint.lib
import data.stacklint.lib.network as net

_router(v) if {
	some p in net.neutron_plugins(v)
	p in {"router", "ovn-router"}
}

_servers := [f |
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
]

report contains finding if {
	count(_servers) > 0
	every f in _servers {
		not _router(lib.last(f, "DEFAULT", "service_plugins").value)
	}
	l3 := sort([name | some name, node in input.nodes; lib.runs(node, "neutron-l3-agent")])
	count(l3) > 0
	f := _servers[0]
	finding := {
		"message": sprintf("L3 agents run on %s, but %s does not load the router plugin: routers cannot be created", [concat(", ", l3), lib.where(f, "DEFAULT", "service_plugins")]),
		"locations": [_at(f)],
	}
}

_at(f) := lib.loc(f, "DEFAULT", "service_plugins", lib.last(f, "DEFAULT", "service_plugins")) if true

else := {"path": f.path, "node": f.node, "section": "DEFAULT", "key": "service_plugins"}
