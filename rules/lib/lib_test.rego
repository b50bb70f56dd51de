package stacklint.lib_test

import data.stacklint.fixtures as fx
import data.stacklint.lib

# A process loads RDO's dist file, its own file, then its config-dir files
# in path order: the last of them that sets an option wins (issue 16).
_node(files) := fx.node("n", [], files)

test_effective_layers if {
	node := _node([
		fx.file("n", "nova-dist.conf", "usr/share/nova/nova-dist.conf", {"DEFAULT": {"debug": "false", "state_path": "/var/lib/nova"}}),
		fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"debug": "true"}}),
		fx.file("n", "nova.conf.d", "etc/nova/nova.conf.d/10-a.conf", {"DEFAULT": {"debug": "yes"}}),
		fx.file("n", "nova.conf.d", "etc/nova/nova.conf.d/20-b.conf", {"DEFAULT": {"debug": "no"}}),
	])
	[f, occ] := lib.effective(node, ["nova.conf"], "DEFAULT", "debug")
	f.path == "n/etc/nova/nova.conf.d/20-b.conf"
	occ.value == "no"
	[g, _] := lib.effective(node, ["nova.conf"], "DEFAULT", "state_path")
	g.kind == "nova-dist.conf"
}

test_effective_main_file_over_dist if {
	node := _node([
		fx.file("n", "nova-dist.conf", "usr/share/nova/nova-dist.conf", {"DEFAULT": {"debug": "false"}}),
		fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"debug": "true"}}),
	])
	[_, occ] := lib.effective(node, ["nova.conf"], "DEFAULT", "debug")
	occ.value == "true"
}

# RDO's neutron/conf.d/<process>/ applies to its process only: the OVS
# agent (neutron.conf + openvswitch_agent.ini) does not read the server's
# folder; neutron.conf alone, loaded by both, still reads both (issue 16).
_rdo_net := object.union(_node([
	fx.file("n", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"debug": "false"}}),
	object.union(
		fx.file("n", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"ovs": {"local_ip": "10.0.0.1"}}),
		{"release": {"name": "zed"}},
	),
	fx.file("n", "neutron-conf.d", "etc/neutron/conf.d/neutron-server/10.conf", {"DEFAULT": {"debug": "true"}}),
	fx.file("n", "neutron-conf.d", "etc/neutron/conf.d/neutron-openvswitch-agent/10.conf", {"DEFAULT": {"debug": "maybe"}}),
]), {"processes": {
	"neutron-server": {"files": ["n/etc/neutron/neutron.conf", "n/etc/neutron/conf.d/neutron-server/10.conf"]},
	"neutron-openvswitch-agent": {"files": [
		"n/etc/neutron/neutron.conf", "n/etc/neutron/plugins/ml2/openvswitch_agent.ini",
		"n/etc/neutron/conf.d/neutron-openvswitch-agent/10.conf",
	]},
}})

test_effective_process_conf_d if {
	[f, occ] := lib.effective(_rdo_net, ["neutron.conf", "openvswitch_agent.ini"], "DEFAULT", "debug")
	f.path == "n/etc/neutron/conf.d/neutron-openvswitch-agent/10.conf"
	occ.value == "maybe"
}

test_process_effective if {
	[f, occ] := lib.process_effective(_rdo_net, "neutron-server", "DEFAULT", "debug")
	f.path == "n/etc/neutron/conf.d/neutron-server/10.conf"
	occ.value == "true"
	not lib.process_effective(_rdo_net, "neutron-server", "ovs", "local_ip")
	not lib.process_effective(_rdo_net, "neutron-l3-agent", "DEFAULT", "debug")
}

test_process_setting_default if {
	s := lib.process_setting(_rdo_net, "neutron-openvswitch-agent", "agent", "tunnel_types") with input.defaults as {"zed": {"openvswitch_agent.ini": {"agent": {"tunnel_types": {"text": "", "host": false}}}}}
	not s.written
	s.file.path == "n/etc/neutron/plugins/ml2/openvswitch_agent.ini"
	s.release == "zed"
	w := lib.process_setting(_rdo_net, "neutron-openvswitch-agent", "ovs", "local_ip")
	w.value == "10.0.0.1"
}

test_compared if {
	lib.compared([{"v": 1}, {"v": 1}, {"v": 2}], 1) == "compared with the majority, 2 of 3"
	lib.compared([{"v": 1}, {"v": 1}, {"v": 2}, {"v": 2}, {"v": 3}], 1) == "compared with the most common value, 2 of 5"
	lib.compared([{"v": 1}, {"v": 2}, {"v": 3}], 1) == "compared with the first by path, as no two agree, 1 of 3"
}

test_compared_pref if {
	copies := [{"v": 1, "rank": 1}, {"v": 2, "rank": 0}]
	lib.compared_pref(copies, {"v": 2, "rank": 0}, "the value written") == "compared with the value written, as no two agree, 1 of 2"
	lib.compared_pref([{"v": 1}, {"v": 2}], {"v": 1}, "x") == "compared with the first by path, as no two agree, 1 of 2"
	lib.compared_pref([{"v": 1}, {"v": 1}, {"v": 2}], {"v": 1}, "x") == "compared with the majority, 2 of 3"
}

# kolla: nova-api and nova-conductor each hold a nova.conf (issue 19).
_kolla_node := object.union(fx.node("n", ["nova-api", "nova-conductor"], [
	object.union(fx.file("n", "nova.conf", "etc/kolla/nova-api/nova.conf", {"database": {"connection": "a"}}), {"dest": "/etc/nova/nova.conf", "container": "nova-api"}),
	object.union(fx.file("n", "nova.conf", "etc/kolla/nova-conductor/nova.conf", {"database": {"connection": "b"}}), {"dest": "/etc/nova/nova.conf", "container": "nova-conductor"}),
]), {"processes": {
	"nova-api": {"files": ["n/etc/kolla/nova-api/nova.conf"]},
	"nova-conductor": {"files": ["n/etc/kolla/nova-conductor/nova.conf"]},
}})

test_one_of_container if {
	lib.one_of(_kolla_node, "nova.conf", "nova-conductor").path == "n/etc/kolla/nova-conductor/nova.conf"
	lib.one_of(_kolla_node, "nova.conf", "nova-api").path == "n/etc/kolla/nova-api/nova.conf"
	lib.one_of(_kolla_node, "nova.conf", "nova-compute").path == "n/etc/kolla/nova-api/nova.conf" # none of its own: the first
	lib.service_file(_kolla_node, "nova-conductor", "nova.conf").path == "n/etc/kolla/nova-conductor/nova.conf"
	not lib.service_file(_kolla_node, "nova-compute", "nova.conf")
}

test_loads_container if {
	api := _kolla_node.files["n/etc/kolla/nova-api/nova.conf"]
	cond := _kolla_node.files["n/etc/kolla/nova-conductor/nova.conf"]
	lib.loads(_kolla_node, "nova-api", api)
	not lib.loads(_kolla_node, "nova-api", cond)
	not lib.loaded_together(_kolla_node, api, cond)
	lib.where(cond, "database", "connection") == "nova.conf [database] connection of nova-conductor on n"
}

test_loads_host_file if {
	node := fx.node("n", ["nova-api"], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {})])
	f := node.files["n/etc/nova/nova.conf"]
	lib.loads(node, "nova-api", f)
	lib.one_of(node, "nova.conf", "nova-api") == f
	lib.where(f, "database", "connection") == "nova.conf [database] connection on n"
}
