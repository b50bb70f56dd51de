package stacklint.rules.network.ovn_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.network.ovn as rule

_server(name, ml2, nb) := fx.node(name, ["neutron-server"], [fx.file(name, "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", object.union(ml2, {"ovn": {"ovn_nb_connection": nb}}))])

_good := {"ml2": {"mechanism_drivers": "ovn", "type_drivers": "geneve,flat"}, "ml2_type_geneve": {"max_header_size": "38"}}

test_guide if {
	r := rule.report with input as fx.deployment([_server("c1", _good, "tcp:10.0.0.11:6641"), _server("c2", _good, "tcp:10.0.0.11:6641")])
	r == set()
}

test_no_geneve if {
	r := rule.report with input as fx.deployment([_server("c1", {"ml2": {"mechanism_drivers": "ovn", "type_drivers": "vxlan"}}, "x")])
	r == {{
		"message": "ml2_conf.ini on c1 uses ovn, but [ml2] type_drivers does not load geneve: OVN project networks cannot be created",
		"locations": [{"path": "c1/etc/neutron/plugins/ml2/ml2_conf.ini", "node": "c1", "line": 1, "column": 1, "section": "ml2", "key": "type_drivers"}],
	}}
}

test_nb_drift if {
	r := rule.report with input as fx.deployment([
		_server("c1", _good, "tcp:10.0.0.11:6641"), _server("c2", _good, "tcp:10.0.0.11:6641"),
		_server("c3", _good, "tcp:10.0.0.13:6641"),
	])
	count(r) == 1
}

test_servers_differ if {
	r := rule.report with input as fx.deployment([_server("c1", _good, "tcp:10.0.0.11:6641"), _server("c2", _good, "tcp:10.0.0.11:6641"), _server("c3", _good, "tcp:10.0.0.12:6641")])
	r == {{
		"message": "ml2_conf.ini [ovn] ovn_nb_connection on c3 is tcp:10.0.0.12:6641, but ml2_conf.ini [ovn] ovn_nb_connection on c1 is tcp:10.0.0.11:6641 (neutron servers are peers, and the OVN databases' own configuration is not read: compared with the majority, 2 of 3): neutron servers write to different OVN databases",
		"locations": [fx.loc(fx.file("c3", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {}), "ovn", "ovn_nb_connection", 1), fx.loc(fx.file("c1", "ml2_conf.ini", "etc/neutron/plugins/ml2/ml2_conf.ini", {}), "ovn", "ovn_nb_connection", 1)],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The majority's
# connection sits on c1 and c2, the server reported is c3; c1's own
# type_drivers finding stays c1's.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	d := fx.deployment([
		_server("c1", {"ml2": {"mechanism_drivers": "ovn", "type_drivers": "vxlan"}}, "tcp:10.0.0.11:6641"),
		_server("c2", _good, "tcp:10.0.0.11:6641"), _server("c3", _good, "tcp:10.0.0.12:6641"),
	])
	r := _two_pass(d)
	count(r) == 2
	r == rule.report with input as d
	{f.locations[0].node | some f in r} == {"c1", "c3"}
}
