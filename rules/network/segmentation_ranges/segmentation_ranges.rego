# METADATA
# title: No segmentation range for a project network type
# description: |
#   Project networks of a tunnelled or VLAN type get their segmentation id
#   from a range: [ml2_type_vxlan] vni_ranges, [ml2_type_gre]
#   tunnel_id_ranges, [ml2_type_geneve] vni_ranges, or a
#   physnet:min:max entry of [ml2_type_vlan] network_vlan_ranges. Without
#   one, creating a project network fails with "Unable to create the
#   network. No tenant network is available for allocation." ML2 tries the
#   types of tenant_network_types in order and takes the first that
#   allocates: a type without a range before or after one that has a range
#   is skipped, an info finding (networks get the other type).
# custom:
#   id: SL-NET-002
#   scope: node
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
	[section, key] := _section[t]
	not _allocates(f, t)
	s := net.server_setting(f, section, key)
	finding := _finding(f, t, s, section, key)
}

_section := {
	"vxlan": ["ml2_type_vxlan", "vni_ranges"], "gre": ["ml2_type_gre", "tunnel_id_ranges"],
	"geneve": ["ml2_type_geneve", "vni_ranges"], "vlan": ["ml2_type_vlan", "network_vlan_ranges"],
}

# _allocates: ML2 can allocate a project network segment of type t (local
# needs no id; flat never is a project network).
_allocates(_, "local")

_allocates(f, t) if {
	t in {"vxlan", "gre", "geneve"}
	[section, key] := _section[t]
	count(net.list(net.server_setting(f, section, key))) > 0
}

_allocates(f, "vlan") if {
	some x in net.list(net.server_setting(f, "ml2_type_vlan", "network_vlan_ranges"))
	count(split(x, ":")) == 3
}

# ML2 tries the project network types in order and takes the first that
# allocates (TypeManager._allocate_tenant_net_segment): a type without a
# range is skipped when another one has a range, and only when none has
# is creating a project network an error.
_finding(f, t, s, section, key) := {
	"message": sprintf("%s on %s makes '%s' a project network type, but %s names no range: no project network can be allocated", [f.kind, f.node, t, net.named(s, section, key)]),
	"locations": [net.ml2_at(f, net.tenant_key(f)), settings.at(s, section, key)],
} if {
	not _fallback(f)
} else := {
	"message": sprintf("%s on %s makes '%s' a project network type, but %s names no range: ML2 skips it and gives project networks the type '%s'", [f.kind, f.node, t, net.named(s, section, key), _fallback(f)]),
	"severity": "info",
	"locations": [net.ml2_at(f, net.tenant_key(f)), settings.at(s, section, key)],
}

_fallback(f) := [t | some t in net.tenant_types(f); _allocates(f, t)][0]
