# METADATA
# title: Project network type is not a loaded type driver
# description: |
#   Every type in [ml2] tenant_network_types (project_network_types since
#   neutron 28.0.0; default local) must be in [ml2] type_drivers (default:
#   all types). Otherwise neutron-server stops at start with "No type driver
#   for tenant network_type ... Service terminated!". Both are read in
#   effect: written in any file neutron-server loads (neutron.conf, the ML2
#   file, config-dirs), else the release's default.
# custom:
#   id: SL-NET-001
#   scope: node
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   defaults:
#     - [ml2_conf.ini, ml2, tenant_network_types]
#     - [ml2_conf.ini, ml2, project_network_types]
#     - [ml2_conf.ini, ml2, type_drivers]
#   remediation: |
#     Add the type to type_drivers, or remove it from tenant_network_types,
#     and restart neutron-server.
package stacklint.rules.network.tenant_type_not_loaded

import data.stacklint.lib.network as net

report contains finding if {
	some f in net.ml2
	key := net.tenant_key(f)
	drivers := net.type_drivers(f)
	some t in net.tenant_types(f)
	not t in drivers
	finding := {
		"message": sprintf("%s includes '%s', which type_drivers (%s) does not load: neutron-server stops with 'No type driver for tenant network_type'", [net.ml2_named(f, key), t, concat(",", drivers)]),
		"locations": [net.ml2_at(f, key), net.ml2_at(f, "type_drivers")],
	}
}
