# METADATA
# description: |
#   The release defaults of the networking options rules read in effect,
#   as internal/lint/defaults.go puts them in the document (zed's values,
#   the same in every release the schemas hold), for unit tests.
package stacklint.netfixtures

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes

_d(text) := {"text": text, "host": false}

defaults := {"zed": {
	"ml2_conf.ini": {"ml2": {
		"tenant_network_types": _d("local"),
		"type_drivers": _d("local,flat,vlan,gre,vxlan,geneve"),
		"mechanism_drivers": _d(""), "path_mtu": _d("0"),
	},
	"ml2_type_vxlan": {"vni_ranges": _d("")},
	"ml2_type_gre": {"tunnel_id_ranges": _d("")},
	"ml2_type_geneve": {"vni_ranges": _d("")},
	"ml2_type_vlan": {"network_vlan_ranges": _d("")},
	"ml2_type_flat": {"flat_networks": _d("*")},
	},
	"linuxbridge_agent.ini": {
		"vxlan": {"enable_vxlan": _d("true"), "l2_population": _d("false"), "vxlan_group": _d("224.0.0.1")},
		"linux_bridge": {"physical_interface_mappings": _d(""), "bridge_mappings": _d("")},
	},
	"openvswitch_agent.ini": {
		"agent": {"tunnel_types": _d(""), "l2_population": _d("false"), "enable_distributed_routing": _d("false")},
		"ovs": {"bridge_mappings": _d("")},
	},
	"neutron.conf": {"DEFAULT": {"router_distributed": _d("false"), "notify_nova_on_port_status_changes": _d("true"), "global_physnet_mtu": _d("1500")}},
	"l3_agent.ini": {"DEFAULT": {"agent_mode": _d("legacy")}},
	"metadata_agent.ini": {"DEFAULT": {"nova_metadata_host": _d("127.0.0.1")}},
	"nova.conf": {"DEFAULT": {"vif_plugging_is_fatal": _d("true")}},
}}

# released is a deployment of nodes checked against zed, with its defaults.
released(nodes) := object.union(fx.released(fx.deployment(nodes), "zed", "auto"), {"defaults": defaults})

# part is the document doc as the engine's node pass gives the part of node
# name (internal/engine/parts.go): only that node, and of the per-node
# lists (rc, policies, hosts_conflicts, leftovers, problems) only its
# entries; the fleet-wide facts whole. Tests evaluate an aggregate-scoped
# rule's aggregate on each part to check that a record depends on its node
# alone.
part(doc, name) := object.union(object.remove(doc, array.concat(["nodes"], _lists)), object.union(
	{"nodes": {name: doc.nodes[name]}},
	{l: [e | some e in doc[l]; e.node == name] | some l in _lists; doc[l]},
))

_lists := ["rc", "policies", "hosts_conflicts", "leftovers", "problems"]

# fleet is the document doc as the engine's fleet pass gives it to an
# aggregate-scoped rule's report: no nodes, an empty index
# (fixtures.passes).
fleet(doc) := passes.fleet(doc)
