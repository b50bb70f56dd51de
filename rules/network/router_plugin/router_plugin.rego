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
#   scope: aggregate
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

# aggregate: each neutron-server node's neutron.conf ({"server": {node,
# path, router, where, at}}: whether its service_plugins loads the router
# plugin, how the message names it and where) and each node that runs an
# L3 agent ({"l3": node}). The report judges "no server loads it" over
# every node's records.
aggregate contains {"server": {
	"node": name, "path": f.path,
	"router": _loads_router(f),
	"where": lib.where(f, "DEFAULT", "service_plugins"), "at": _at(f),
}} if {
	some [name, f] in lib.files("neutron.conf")
	lib.runs(input.nodes[name], "neutron-server")
}

aggregate contains {"l3": name} if {
	some name, node in input.nodes
	lib.runs(node, "neutron-l3-agent")
}

_loads_router(f) if _router(lib.last(f, "DEFAULT", "service_plugins").value)

default _loads_router(_) := false

# _servers are the fleet's servers, first by node and path (the order of
# lib.files).
_servers := [s | some [_, _, s] in sort([[r.server.node, r.server.path, r.server] | some r in aggregate; r.server])]

report contains finding if {
	count(_servers) > 0
	every s in _servers {
		not s.router
	}
	l3 := sort({r.l3 | some r in aggregate; r.l3})
	count(l3) > 0
	s := _servers[0]
	finding := {
		"message": sprintf("L3 agents run on %s, but %s does not load the router plugin: routers cannot be created", [concat(", ", l3), s.where]),
		"locations": [s.at],
	}
}

_at(f) := lib.loc(f, "DEFAULT", "service_plugins", lib.last(f, "DEFAULT", "service_plugins")) if true

else := {"path": f.path, "node": f.node, "section": "DEFAULT", "key": "service_plugins"}
