# METADATA
# title: No segmentation range for a project network type
# description: |
#   Project networks of a tunnelled or VLAN type get their segmentation id
#   from a range: [ml2_type_vxlan] vni_ranges, [ml2_type_gre]
#   tunnel_id_ranges, [ml2_type_geneve] vni_ranges, or a
#   physnet:min:max entry of [ml2_type_vlan] network_vlan_ranges. Without
#   one, creating a project network fails with "Unable to create the
#   network. No tenant network is available for allocation."
# custom:
#   id: SL-NET-002
#   severity: error
#   inputs: [ml2_conf.ini, plugin.ini]
#   defaults:
#     - [ml2_conf.ini, ml2_type_vxlan, vni_ranges]
#     - [ml2_conf.ini, ml2_type_gre, tunnel_id_ranges]
#     - [ml2_conf.ini, ml2_type_geneve, vni_ranges]
#     - [ml2_conf.ini, ml2_type_vlan, network_vlan_ranges]
#   remediation: |
#     Set the range in the type's section (the guide uses vni_ranges = 1:1000)
#     and restart neutron-server.
package stacklint.rules.network.segmentation_ranges

import data.stacklint.lib.network as net
import data.stacklint.lib.settings

_ranges := {"vxlan": ["ml2_type_vxlan", "vni_ranges"], "gre": ["ml2_type_gre", "tunnel_id_ranges"], "geneve": ["ml2_type_geneve", "vni_ranges"]}

# The ranges are the values in effect for neutron-server (written in any
# file it loads, else the release's default: none in every release).
report contains finding if {
	some f in net.ml2
	some t in net.tenant_types(f)
	[section, key] := _ranges[t]
	s := net.server_setting(f, section, key)
	count(net.list(s)) == 0
	finding := _finding(f, t, s, section, key)
}

report contains finding if {
	some f in net.ml2
	"vlan" in net.tenant_types(f)
	s := net.server_setting(f, "ml2_type_vlan", "network_vlan_ranges")
	count([x | some x in net.list(s); count(split(x, ":")) == 3]) == 0
	finding := _finding(f, "vlan", s, "ml2_type_vlan", "network_vlan_ranges")
}

_finding(f, t, s, section, key) := {
	"message": sprintf("%s on %s makes '%s' a project network type, but %s names no range: no project network can be allocated", [f.kind, f.node, t, net.named(s, section, key)]),
	"locations": [net.ml2_at(f, net.tenant_key(f)), settings.at(s, section, key)],
}
