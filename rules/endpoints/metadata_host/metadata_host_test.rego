package stacklint.rules.endpoints.metadata_host_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.endpoints.metadata_host as rule

_agent(defaults) := fx.file("net", "metadata_agent.ini", "etc/neutron/metadata_agent.ini", {"DEFAULT": defaults})

_host(v) := {"value": v, "line": 4, "column": 1, "host_refs": [{"host": v, "resolved": ["10.0.0.11"]}]}

_input(defaults) := object.union(
	nfx.released([
		fx.node("ctl", ["nova-api"], []),
		fx.node("net", ["neutron-metadata-agent"], [_agent(defaults)]),
	]),
	{"owners": {"10.0.0.11": "ctl"}},
)

test_points_at_controller if {
	r := rule.report with input as _input({"nova_metadata_host": _host("controller")})
	r == set()
}

test_unset_on_network_node if {
	r := rule.report with input as _input({})
	r == {{
		"message": "metadata_agent.ini [DEFAULT] nova_metadata_host on net is not set: its default in zed, 127.0.0.1, which reaches net, where no nova metadata API runs: instances get no metadata",
		"locations": [{"path": "net/etc/neutron/metadata_agent.ini", "node": "net", "line": 1, "column": 1, "section": "DEFAULT", "key": "nova_metadata_host"}],
	}}
}

test_points_at_a_compute_node if {
	inp := object.union(_input({"nova_metadata_ip": _host("compute1")}), {"owners": {"10.0.0.11": "cmp"}, "nodes": {"cmp": fx.node("cmp", ["nova-compute"], [])}})
	r := rule.report with input as inp
	some f in r
	f.locations[0].key == "nova_metadata_ip"
	contains(f.message, "which reaches cmp, where no nova metadata API runs")
}

# Without a known default nothing is said about an unset host.
test_unset_without_defaults if {
	r := rule.report with input as json.remove(_input({}), ["defaults"])
	r == set()
}

# Written in neutron.conf, which the agent loads before metadata_agent.ini:
# the value in effect reaches a compute node (issue 16).
test_set_in_neutron_conf if {
	conf := fx.file("net", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"nova_metadata_host": _host("compute1")}})
	agent := _agent({})
	net := object.union(fx.node("net", ["neutron-metadata-agent"], [conf, agent]), {"processes": {"neutron-metadata-agent": {"files": [conf.path, agent.path]}}})
	inp := object.union(_input({}), {"owners": {"10.0.0.11": "cmp"}, "nodes": {"net": net, "cmp": fx.node("cmp", ["nova-compute"], [])}})
	r := rule.report with input as inp
	some f in r
	f.locations[0].path == "net/etc/neutron/neutron.conf"
	contains(f.message, "neutron.conf [DEFAULT] nova_metadata_host on net is compute1, which reaches cmp")
}

# The two passes: the agent on net, whether its target runs a metadata API
# on ctl or cmp; each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	at_cmp := object.union(_input({"nova_metadata_host": _host("compute1")}), {"owners": {"10.0.0.11": "cmp"}, "nodes": {"cmp": fx.node("cmp", ["nova-compute"], [])}})
	r := _two_pass(at_cmp)
	count(r) == 1
	r == rule.report with input as at_cmp
	at_ctl := _input({"nova_metadata_host": _host("controller")})
	_two_pass(at_ctl) == set()
	unset := _input({})
	count(_two_pass(unset)) == 1
	_two_pass(unset) == rule.report with input as unset
}
