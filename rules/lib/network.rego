# METADATA
# description: |
#   The neutron ML2 view the networking rules share: each neutron-server's
#   ML2 configuration and each node's L2 agent, with oslo.config defaults
#   and the Icehouse-era OVS options kept in ml2_conf.ini.
package stacklint.lib.network

import data.stacklint.lib

# bool reads an oslo.config BoolOpt value.
bool(v) if lower(trim_space(v)) in {"true", "1", "yes", "on"}

# opt_bool is the boolean value of an option, or the default when unset.
opt_bool(f, section, key, _) if {
	lib.has(f, section, key)
	bool(lib.last(f, section, key).value)
}

opt_bool(f, section, key, dflt) if {
	not lib.has(f, section, key)
	dflt
}

# flag is opt_bool as a value: true or false.
flag(f, section, key, dflt) := true if opt_bool(f, section, key, dflt)

else := false

# opt_list is a ListOpt's items, or the default when unset.
opt_list(f, section, key, dflt) := lib.items(lib.last(f, section, key).value) if lib.has(f, section, key)

else := dflt

# at is the location of an option, or of its section when it is unset.
at(f, section, key) := lib.loc(f, section, key, lib.last(f, section, key)) if lib.has(f, section, key)

else := {"path": f.path, "node": f.node, "section": section, "key": key}

# ml2 contains the ML2 configuration of every neutron-server node:
# ml2_conf.ini, else plugin.ini (the name RDO's units load).
ml2 contains f if {
	some node in input.nodes
	lib.runs(node, "neutron-server")
	f := _ml2_file(node)
	not f.error
}

_ml2_file(node) := f if {
	some f in node.files
	f.kind == "ml2_conf.ini"
} else := f if {
	some f in node.files
	f.kind == "plugin.ini"
}

# tenant_key is the option naming project network types (the old name wins
# only when the new one is unset).
tenant_key(f) := "project_network_types" if lib.has(f, "ml2", "project_network_types")

else := "tenant_network_types"

tenant_types(f) := opt_list(f, "ml2", tenant_key(f), ["local"])

type_drivers(f) := opt_list(f, "ml2", "type_drivers", ["local", "flat", "vlan", "gre", "vxlan", "geneve"])

mechanism_drivers(f) := opt_list(f, "ml2", "mechanism_drivers", [])

tunnel_types := {"vxlan", "gre", "geneve"}

# agents contains one object per L2 agent: node, type (linuxbridge or
# openvswitch), its config file, the tunnel types it carries, whether it
# enables l2population, and where local_ip lives.
# ovn_only: the servers bind ports with OVN alone; agent ini files a package
# left behind are not running agents then.
ovn_only if {
	count(ml2) > 0
	every f in ml2 {
		"ovn" in mechanism_drivers(f)
		not "openvswitch" in mechanism_drivers(f)
		not "linuxbridge" in mechanism_drivers(f)
	}
}

agents contains a if {
	not ovn_only
	some name, node in input.nodes
	lib.runs(node, "neutron-linuxbridge-agent")
	some f in node.files
	f.kind == "linuxbridge_agent.ini"
	not f.error
	tunnels := {"vxlan" | opt_bool(f, "vxlan", "enable_vxlan", true)}
	a := {
		"node": name, "type": "linuxbridge", "file": f, "tunnels": tunnels,
		"tunnel_at": at(f, "vxlan", "enable_vxlan"),
		"l2pop": flag(f, "vxlan", "l2_population", false), "l2pop_at": at(f, "vxlan", "l2_population"),
		"local_ip": ["vxlan", "local_ip"],
		"mappings": _mapped(f, [["linux_bridge", "physical_interface_mappings"], ["linux_bridge", "bridge_mappings"]]),
		"mappings_at": at(f, "linux_bridge", "physical_interface_mappings"),
	}
}

agents contains a if {
	not ovn_only
	some name, node in input.nodes
	lib.runs(node, "neutron-openvswitch-agent")
	f := _ovs_file(node)
	not f.error
	a := {
		"node": name, "type": "openvswitch", "file": f, "tunnels": _ovs_tunnels(f),
		"tunnel_at": _ovs_tunnel_at(f),
		"l2pop": flag(f, "agent", "l2_population", false), "l2pop_at": at(f, "agent", "l2_population"),
		"local_ip": ["ovs", "local_ip"],
		"mappings": _mapped(f, [["ovs", "bridge_mappings"]]),
		"mappings_at": at(f, "ovs", "bridge_mappings"),
	}
}

# Until Juno the OVS agent read its options from the ML2 file.
_ovs_file(node) := f if {
	some f in node.files
	f.kind == "openvswitch_agent.ini"
} else := f if {
	some f in node.files
	f.kind == "ml2_conf.ini"
} else := f if {
	some f in node.files
	f.kind == "plugin.ini"
}

# _ovs_tunnels are the tunnel types the OVS agent builds: [agent]
# tunnel_types; until Kilo, with none listed, [ovs] enable_tunneling = true
# (default false) meant gre (create_agent_config_map in icehouse-eol's
# ovs_neutron_agent.py). [ovs] tunnel_type is the server-side OVS plugin's
# option: the agent never reads it, so alone it turns no tunnel on.
_ovs_tunnels(f) := {t | some t in opt_list(f, "agent", "tunnel_types", [])} if {
	count(opt_list(f, "agent", "tunnel_types", [])) > 0
} else := {"gre"} if {
	opt_bool(f, "ovs", "enable_tunneling", false)
} else := set()

_ovs_tunnel_at(f) := at(f, "agent", "tunnel_types") if lib.has(f, "agent", "tunnel_types")

else := at(f, "ovs", "enable_tunneling") if lib.has(f, "ovs", "enable_tunneling")

else := at(f, "ovs", "tunnel_type") if lib.has(f, "ovs", "tunnel_type") # what the writer thought turns them on

else := at(f, "agent", "tunnel_types")

# _mapped is the set of physnets a mapping option list names.
_mapped(f, places) := {p |
	some [section, key] in places
	some item in opt_list(f, section, key, [])
	p := trim_space(split(item, ":")[0])
}

# declared_physnets: [physnet, file, option] for each physnet a server's ML2
# configuration declares (flat_networks '*' declares none by name).
declared_physnets contains [p, f, "flat_networks"] if {
	some f in ml2
	some p in opt_list(f, "ml2_type_flat", "flat_networks", [])
	p != "*"
}

declared_physnets contains [p, f, "network_vlan_ranges"] if {
	some f in ml2
	some item in opt_list(f, "ml2_type_vlan", "network_vlan_ranges", [])
	p := split(item, ":")[0]
}

# metadata_agents contains, for every metadata agent, the node its
# nova_metadata_host (Icehouse: nova_metadata_ip; default 127.0.0.1)
# reaches ("" when that node is not in the snapshot):
# {file, node, key, target, at, value}.
metadata_agents contains m if {
	some [name, f] in lib.files("metadata_agent.ini")
	lib.runs(input.nodes[name], "neutron-metadata-agent")
	key := _metadata_key(f)
	target := _metadata_target(name, f, key)
	m := {"file": f, "node": name, "key": key, "target": target, "at": at(f, "DEFAULT", key), "value": _metadata_value(f, key)}
}

_metadata_key(f) := "nova_metadata_host" if lib.has(f, "DEFAULT", "nova_metadata_host")

else := "nova_metadata_ip" if lib.has(f, "DEFAULT", "nova_metadata_ip")

else := "nova_metadata_host"

_metadata_value(f, key) := lib.last(f, "DEFAULT", key).value if true

else := "127.0.0.1"

# Unset or loopback: the agent's own node.
_metadata_target(name, f, key) := name if {
	not lib.has(f, "DEFAULT", key)
} else := name if {
	h := lib.last(f, "DEFAULT", key).host_refs[0]
	some a in h.resolved
	startswith(a, "127.")
} else := t if {
	t := lib.ident(lib.last(f, "DEFAULT", key).host_refs[0])
	input.nodes[t]
} else := "" # outside the snapshot (a VIP, or unresolvable)

# serves_metadata: nova on the node runs the metadata API: an inferred
# nova-api, or a nova.conf that enables [neutron] service_metadata_proxy
# (or its Icehouse name), as all-in-one and devstack nodes do without the
# controller's other config files. enabled_apis is evidence neither way:
# compute nodes often carry the controller's value, and WSGI deployments
# (devstack's nova-metadata-uwsgi) serve metadata whatever it says.
serves_metadata(node) if lib.runs(node, "nova-api")

serves_metadata(node) if {
	some [key, section] in [["service_metadata_proxy", "neutron"], ["service_neutron_metadata_proxy", "DEFAULT"]]
	[_, occ] := lib.effective(node, ["nova.conf"], section, key)
	bool(occ.value)
}

