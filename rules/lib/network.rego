# METADATA
# description: |
#   The neutron ML2 view the networking rules share: each neutron-server's
#   ML2 configuration and each node's L2 agent, with the values in effect
#   for the process that reads them (written in any file it loads, else the
#   release's default) and the Icehouse-era OVS options kept in ml2_conf.ini.
package stacklint.lib.network

import data.stacklint.lib
import data.stacklint.lib.settings

# bool reads an oslo.config BoolOpt value.
bool(v) if lower(trim_space(v)) in {"true", "1", "yes", "on"}

# setting is lib.setting for one process: the value written last in the
# files proc loads on node (nodes.<n>.processes.<p>.files, in load order:
# RDO's dist file, neutron.conf, the process's own file, then its
# config-dirs, so a conf.d file overrides the agent's ini), else the
# default of the release f (the process's own file) is checked against, in
# f's schema kind (plugin.ini is ml2_conf.ini; rules list [kind, section,
# key] in custom.defaults), located in f. A default the data lacks (an
# option the release does not register) has value null: see known.
setting(node, proc, f, section, key) := lib.written(g, occ) if {
	[g, occ] := lib.effective_in(node, _loads(node, proc, f), section, key)
} else := s if {
	s := lib.unset_setting(f, schema_kind(f), section, key)
} else := {"written": false, "file": f, "value": null, "host": false, "release": object.get(f, ["release", "name"], "")}

# _loads are the shown paths of the files proc loads on node, in order: the
# model's process list, else f alone (hand-built inputs have no processes).
_loads(node, proc, f) := node.processes[proc].files if node.processes[proc]

else := [f.path]

# schema_kind is the kind whose options a file is read with.
schema_kind(f) := "ml2_conf.ini" if f.kind == "plugin.ini"

else := f.kind

# known: the setting's value is known: written, or a default of the data
# for a file checked against a release the data has (changed: the default
# changed before the oldest schema, so a file older than every schema has
# an unknown one).
known(s) if s.written

known(s) if {
	not s.written
	s.value != null
}

known_since_oldest(s) if s.written

known_since_oldest(s) if {
	not s.written
	s.value != null
	not s.file.release.below_oldest
}

# list is a ListOpt setting's items ([] when unknown).
list(s) := lib.items(s.value) if is_string(s.value)

else := []

# server_setting is the neutron-server's option in effect for its file f
# (the ML2 file of net.ml2, or its neutron.conf), located in f when unset.
server_setting(f, section, key) := setting(input.nodes[f.node], "neutron-server", f, section, key)

# ml2_setting is the neutron-server's [ml2] option in effect for the ML2
# file f of net.ml2.
ml2_setting(f, key) := server_setting(f, "ml2", key)

# ml2_at is where an [ml2] option in effect is written, or where it belongs
# in f when unset.
ml2_at(f, key) := settings.at(ml2_setting(f, key), "ml2", key)

# ml2_named names an [ml2] option in effect in a message: "ml2_conf.ini
# [ml2] type_drivers on controller" (the file that sets it last), or, when
# unset, "ml2_conf.ini [ml2] type_drivers on controller (not set: its
# default in zed, local,flat,...)".
ml2_named(f, key) := lib.where(s.file, "ml2", key) if {
	s := ml2_setting(f, key)
	s.written
} else := named(ml2_setting(f, key), "ml2", key)

# note says where a setting the process reads comes from when it is not
# the file f the message names: "in <path>" when written elsewhere, "not
# set: its default in <release>, <value>" when unset; "" when written in f.
note(s, f) := "" if {
	s.written
	s.file.path == f.path
} else := sprintf("in %s", [s.file.path]) if {
	s.written
} else := sprintf("not set: its default in %s, %s", [s.release, settings.shown(s.value)]) if {
	s.value != null
} else := "not set"

# named names a setting in a message: where it is written, or where it
# belongs with its release's default when unset.
named(s, section, key) := lib.where(s.file, section, key) if s.written

else := sprintf("%s (not set: its default in %s, %s)", [lib.where(s.file, section, key), s.release, settings.shown(s.value)]) if s.value != null

else := sprintf("%s (not set)", [lib.where(s.file, section, key)])

# ml2 contains the ML2 configuration of every neutron-server node:
# ml2_conf.ini, else plugin.ini (the name RDO's units load).
ml2 contains f if {
	some node in input.nodes
	lib.runs(node, "neutron-server")
	f := _ml2_file(node)
	not f.error
}

_ml2_file(node) := f if {
	f := lib.one_of(node, "ml2_conf.ini", "neutron-server")
} else := f if {
	f := lib.one_of(node, "plugin.ini", "neutron-server")
}

# tenant_key is the option naming project network types in effect: the new
# name when written, else the old one when written, else the one the
# release registers (project_network_types from 2026.1).
tenant_key(f) := "project_network_types" if ml2_setting(f, "project_network_types").written

else := "tenant_network_types" if ml2_setting(f, "tenant_network_types").written

else := "tenant_network_types" if known(ml2_setting(f, "tenant_network_types"))

else := "project_network_types" if known(ml2_setting(f, "project_network_types"))

else := "tenant_network_types"

tenant_types(f) := list(ml2_setting(f, tenant_key(f)))

type_drivers(f) := list(ml2_setting(f, "type_drivers"))

mechanism_drivers(f) := list(ml2_setting(f, "mechanism_drivers"))

tunnel_types := {"vxlan", "gre", "geneve"}

# ovn_only: the servers bind ports with OVN alone; agent ini files a package
# left behind are not running agents then.
ovn_only if ovn_only_of(ml2_drivers)

# agents contains one object per L2 agent: node, type (linuxbridge or
# openvswitch), its config file, the tunnel types it carries, whether it
# enables l2population, and where local_ip lives (none when ovn_only).
agents contains a if {
	not ovn_only
	some a in node_agents
}

# ml2_drivers contains {"node", "drivers"} for each ML2 file of ml2: the
# neutron-server node and its [ml2] mechanism_drivers in effect (a list).
# Each record depends on its node alone: aggregate-scoped rules emit them
# as records and rebuild ovn_only from every node's with ovn_only_of.
ml2_drivers contains {"node": f.node, "drivers": mechanism_drivers(f)} if some f in ml2

# ovn_only_of is ovn_only over records ds, each with "drivers" (the
# ml2_drivers of every node of the fleet): some server, and every server
# binds ports with OVN alone.
ovn_only_of(ds) if {
	count(ds) > 0
	every d in ds {
		"ovn" in d.drivers
		not "openvswitch" in d.drivers
		not "linuxbridge" in d.drivers
	}
}

# node_agents are the agents objects of the nodes in input without the
# fleet-wide ovn_only test: what one node's part gives. An aggregate rule
# reads them per node and drops them in its report when ovn_only_of its
# ml2_drivers records holds.
node_agents contains a if {
	some name, node in input.nodes
	lib.runs(node, "neutron-linuxbridge-agent")
	some f in node.files
	f.kind == "linuxbridge_agent.ini"
	not f.error
	vxlan := setting(node, "neutron-linuxbridge-agent", f, "vxlan", "enable_vxlan")
	l2pop := setting(node, "neutron-linuxbridge-agent", f, "vxlan", "l2_population")
	a := {
		"node": name, "type": "linuxbridge", "file": f, "proc": "neutron-linuxbridge-agent",
		"tunnels": {"vxlan" | known_since_oldest(vxlan); settings.is_true(vxlan)},
		"tunnels_known": _known_since_oldest(vxlan),
		"tunnel_setting": vxlan, "tunnel_at": settings.at(vxlan, "vxlan", "enable_vxlan"),
		"l2pop": _true(l2pop), "l2pop_known": _known(l2pop), "l2pop_setting": l2pop,
		"l2pop_at": settings.at(l2pop, "vxlan", "l2_population"),
		"local_ip": ["vxlan", "local_ip"],
		"mappings": _mapped(node, "neutron-linuxbridge-agent", f, [["linux_bridge", "physical_interface_mappings"], ["linux_bridge", "bridge_mappings"]]),
		"mappings_at": settings.at(setting(node, "neutron-linuxbridge-agent", f, "linux_bridge", "physical_interface_mappings"), "linux_bridge", "physical_interface_mappings"),
	}
}

node_agents contains a if {
	some name, node in input.nodes
	lib.runs(node, "neutron-openvswitch-agent")
	f := _ovs_file(node)
	not f.error
	types := setting(node, "neutron-openvswitch-agent", f, "agent", "tunnel_types")
	l2pop := setting(node, "neutron-openvswitch-agent", f, "agent", "l2_population")
	a := {
		"node": name, "type": "openvswitch", "file": f, "proc": "neutron-openvswitch-agent",
		"tunnels": _ovs_tunnels(node, f, types), "tunnels_known": true,
		"tunnel_setting": types, "tunnel_at": _ovs_tunnel_at(node, f, types),
		"l2pop": _true(l2pop), "l2pop_known": _known(l2pop), "l2pop_setting": l2pop,
		"l2pop_at": settings.at(l2pop, "agent", "l2_population"),
		"local_ip": ["ovs", "local_ip"],
		"mappings": _mapped(node, "neutron-openvswitch-agent", f, [["ovs", "bridge_mappings"]]),
		"mappings_at": settings.at(setting(node, "neutron-openvswitch-agent", f, "ovs", "bridge_mappings"), "ovs", "bridge_mappings"),
	}
}

# _true, _known and _known_since_oldest are settings.is_true, known and
# known_since_oldest as values.
_true(s) := true if settings.is_true(s)

else := false

_known(s) := true if known(s)

else := false

_known_since_oldest(s) := true if known_since_oldest(s)

else := false

# Until Juno the OVS agent read its options from the ML2 file.
_ovs_file(node) := f if {
	f := lib.one_of(node, "openvswitch_agent.ini", "neutron-openvswitch-agent")
} else := f if {
	f := lib.one_of(node, "ml2_conf.ini", "neutron-openvswitch-agent")
} else := f if {
	f := lib.one_of(node, "plugin.ini", "neutron-openvswitch-agent")
}

# _ovs_tunnels are the tunnel types the OVS agent builds: [agent]
# tunnel_types in effect (default: none in every release); until Kilo, with
# none listed, [ovs] enable_tunneling = true (default false, an option no
# schema has: create_agent_config_map in icehouse-eol's
# ovs_neutron_agent.py) meant gre. [ovs] tunnel_type is the server-side OVS
# plugin's option: the agent never reads it, so alone it turns no tunnel on.
_ovs_tunnels(node, f, types) := {t | some t in list(types)} if {
	count(list(types)) > 0
} else := {"gre"} if {
	settings.is_true(setting(node, "neutron-openvswitch-agent", f, "ovs", "enable_tunneling"))
} else := set()

_ovs_tunnel_at(node, f, types) := settings.at(types, "agent", "tunnel_types") if types.written

else := settings.at(s, "ovs", "enable_tunneling") if {
	s := setting(node, "neutron-openvswitch-agent", f, "ovs", "enable_tunneling")
	s.written
} else := lib.loc(f, "ovs", "tunnel_type", lib.last(f, "ovs", "tunnel_type")) if lib.has(f, "ovs", "tunnel_type") # what the writer thought turns them on

else := settings.at(types, "agent", "tunnel_types")

# _mapped is the set of physnets the mapping options (places, each
# [section, key]) in effect for proc name (default: none in every release).
_mapped(node, proc, f, places) := {p |
	some [section, key] in places
	some item in list(setting(node, proc, f, section, key))
	p := trim_space(split(item, ":")[0])
}

# declared_physnets: [physnet, setting, option] for each physnet a server's
# ML2 configuration declares in effect (flat_networks '*', its default,
# declares none by name; network_vlan_ranges defaults to none).
declared_physnets contains [p, s, "flat_networks"] if {
	some f in ml2
	s := server_setting(f, "ml2_type_flat", "flat_networks")
	some p in list(s)
	p != "*"
}

declared_physnets contains [p, s, "network_vlan_ranges"] if {
	some f in ml2
	s := server_setting(f, "ml2_type_vlan", "network_vlan_ranges")
	some item in list(s)
	p := trim_space(split(item, ":")[0])
}

# metadata_agents contains, for every metadata agent, the node its
# nova_metadata_host in effect (Icehouse: nova_metadata_ip, its deprecated
# name; written in metadata_agent.ini or any file the agent loads, else the
# default, 127.0.0.1 in every release) reaches ("" when that node is not in
# the snapshot): {file, node, key, target, at, value, setting}.
metadata_agents contains m if {
	some [name, f] in lib.files("metadata_agent.ini")
	node := input.nodes[name]
	lib.runs(node, "neutron-metadata-agent")
	s := metadata_host(node, f)
	m := {
		"file": f, "node": name, "key": s.key, "target": _metadata_target(name, s),
		"at": settings.at(s, "DEFAULT", s.key), "value": s.value, "setting": s,
	}
}

# metadata_host is the metadata agent's setting of nova_metadata_host, with
# the name it is written under as "key": as oslo.config reads an option
# with a deprecated name, the last file that sets either name wins, and in
# one file the new name before the old.
metadata_host(node, f) := object.union(found[count(found) - 1][1], {"key": found[count(found) - 1][0]}) if {
	found := [[key, lib.written(g, occ)] |
		some p in _loads(node, "neutron-metadata-agent", f)
		some g in node.files
		g.path == p
		not g.error
		key := _metadata_key(g)
		occ := lib.last(g, "DEFAULT", key)
	]
	count(found) > 0
} else := object.union(setting(node, "neutron-metadata-agent", f, "DEFAULT", "nova_metadata_host"), {"key": "nova_metadata_host"})

_metadata_key(g) := "nova_metadata_host" if lib.has(g, "DEFAULT", "nova_metadata_host")

else := "nova_metadata_ip" if lib.has(g, "DEFAULT", "nova_metadata_ip")

# Unset (the default, 127.0.0.1) or loopback: the agent's own node.
_metadata_target(name, s) := name if {
	not s.written
	startswith(s.value, "127.")
} else := name if {
	h := s.occ.host_refs[0]
	some a in h.resolved
	startswith(a, "127.")
} else := t if {
	t := lib.ident(s.occ.host_refs[0])
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


# duplicates_of is lib.duplicates over copies already cleaned on their own
# node (each {node, ip, where, loc} that lib.address_problem does not
# explain, the problem being a fact of the node's part): each copy paired
# with the first copy on another node that uses the same address, first by
# path. A pure function: aggregate rules call it in their report on every
# node's records.
duplicates_of(clean) := {[c, first] |
	ips := sort([c.ip | some c in clean])
	dup := {ips[i] | some i, ip in ips; i > 0; ip == ips[i - 1]}
	some c in clean
	c.ip in dup
	same := [[d.loc.path, d] | some d in clean; d.ip == c.ip; d.node != c.node]
	count(same) > 0
	first := sort(array.concat(same, [[c.loc.path, c]]))[0][1]
	first.node != c.node
}

# node_metadata_agents is metadata_agents before the fleet's nodes are
# known (an aggregate rule's node pass sees its own node only): each
# agent's "reaches" is its own node for the default or a loopback address,
# else the name or address its host reaches (lib.ident), which a report
# matches against the nodes of the snapshot (a name that is no node matches
# none, as metadata_agents' target ""): {file, node, key, reaches, at,
# value, setting}.
node_metadata_agents contains m if {
	some [name, f] in lib.files("metadata_agent.ini")
	node := input.nodes[name]
	lib.runs(node, "neutron-metadata-agent")
	s := metadata_host(node, f)
	m := {
		"file": f, "node": name, "key": s.key, "reaches": metadata_reaches(name, s),
		"at": settings.at(s, "DEFAULT", s.key), "value": s.value, "setting": s,
	}
}

# metadata_reaches is _metadata_target without the test that the node is
# in the snapshot: the agent's node name for an unset or loopback host,
# else what its host reaches (lib.ident).
metadata_reaches(name, s) := t if {
	t := _metadata_target(name, s)
	t != ""
} else := lib.ident(s.occ.host_refs[0])
