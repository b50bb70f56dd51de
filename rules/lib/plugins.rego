# Neutron's plugin names: neutron loads core_plugin and each
# service_plugins item by its entry-point alias or by its class path
# (neutron_lib.utils.runtime.load_class_by_alias_or_classname), so
# "ml2" and "neutron.plugins.ml2.plugin.Ml2Plugin" load the same
# plugin. The aliases are those of the neutron.core_plugins and
# neutron.service_plugins entry points in setup.cfg of neutron (Icehouse
# to 2026.2), neutron-fwaas, neutron-lbaas, neutron-vpnaas and
# networking-ovn.
package stacklint.lib.network

import data.stacklint.lib

_plugin_aliases := {
	"neutron.plugins.ml2.plugin.Ml2Plugin": "ml2",
	"neutron.plugins.openvswitch.ovs_neutron_plugin.OVSNeutronPluginV2": "openvswitch",
	"neutron.plugins.linuxbridge.lb_neutron_plugin.LinuxBridgePluginV2": "linuxbridge",
	"neutron.services.l3_router.l3_router_plugin.L3RouterPlugin": "router",
	"neutron.services.metering.metering_plugin.MeteringPlugin": "metering",
	"neutron.services.qos.qos_plugin.QoSPlugin": "qos",
	"neutron.services.tag.tag_plugin.TagPlugin": "tag",
	"neutron.services.flavors.flavors_plugin.FlavorsPlugin": "flavors",
	"neutron.services.auto_allocate.plugin.Plugin": "auto_allocate",
	"neutron.services.segments.plugin.Plugin": "segments",
	"neutron.services.network_ip_availability.plugin.NetworkIPAvailabilityPlugin": "network_ip_availability",
	"neutron.services.revisions.revision_plugin.RevisionPlugin": "revisions",
	"neutron.services.timestamp.timestamp_plugin.TimeStampPlugin": "timestamp",
	"neutron.services.trunk.plugin.TrunkPlugin": "trunk",
	"neutron.services.logapi.logging_plugin.LoggingPlugin": "log",
	"neutron.services.portforwarding.pf_plugin.PFPlugin": "port_forwarding",
	"neutron.services.placement_report.plugin.PlacementReportPlugin": "placement",
	"neutron.services.conntrack_helper.plugin.Plugin": "conntrack_helper",
	"neutron.services.ovn_l3.plugin.OVNL3RouterPlugin": "ovn-router",
	"networking_ovn.l3.l3_ovn.OVNL3RouterPlugin": "ovn-router",
	"neutron.services.firewall.fwaas_plugin.FirewallPlugin": "firewall",
	"neutron_fwaas.services.firewall.fwaas_plugin.FirewallPlugin": "firewall",
	"neutron_fwaas.services.firewall.fwaas_plugin_v2.FirewallPluginV2": "firewall_v2",
	"neutron.services.loadbalancer.plugin.LoadBalancerPlugin": "lbaas",
	"neutron_lbaas.services.loadbalancer.plugin.LoadBalancerPlugin": "lbaas",
	"neutron_lbaas.services.loadbalancer.plugin.LoadBalancerPluginv2": "lbaasv2",
	"neutron.services.vpn.plugin.VPNDriverPlugin": "vpnaas",
	"neutron_vpnaas.services.vpn.plugin.VPNDriverPlugin": "vpnaas",
}

# neutron_plugin is the entry-point alias of a plugin name as neutron
# loads it: a class path (module.Class or module:Class) with an alias
# becomes the alias; any other name is itself, trimmed.
neutron_plugin(name) := alias if {
	alias := _plugin_aliases[replace(trim_space(name), ":", ".")]
}

else := trim_space(name)

# neutron_plugins is the set of plugins a core_plugin or service_plugins
# value loads, each by its alias.
neutron_plugins(value) := {neutron_plugin(p) | some p in lib.items(value)}
