package stacklint.rules.network.port_events_test

import data.stacklint.fixtures as fx
import data.stacklint.netfixtures as nfx
import data.stacklint.rules.network.port_events as rule

_server(sections) := fx.node("c", ["neutron-server"], [fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", sections)])

_compute(fatal) := object.union(
	fx.node("cmp", ["nova-compute"], [fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"vif_plugging_is_fatal": fatal}})]),
	{"roles": ["compute"]},
)

_creds := {"nova": {"username": "nova", "password": fx.secret("a", 1)}}

test_guide if {
	r := rule.report with input as nfx.released([_server(_creds), _compute("true")])
	r == set()
}

test_not_fatal if {
	r := rule.report with input as nfx.released([_server({"DEFAULT": {"notify_nova_on_port_status_changes": "false"}}), _compute("false")])
	r == set()
}

test_notify_off if {
	r := rule.report with input as nfx.released([_server(object.union(_creds, {"DEFAULT": {"notify_nova_on_port_status_changes": "false"}})), _compute("true")])
	r == {{
		"message": "neutron.conf [DEFAULT] notify_nova_on_port_status_changes on c is false, but cmp fail boots without the vif-plugged event (vif_plugging_is_fatal): every boot times out",
		"locations": [{"path": "c/etc/neutron/neutron.conf", "node": "c", "line": 1, "column": 1, "section": "DEFAULT", "key": "notify_nova_on_port_status_changes"}],
	}}
}

test_no_credentials if {
	r := rule.report with input as nfx.released([_server({}), _compute("true")])
	count(r) == 1
}

# _two_pass is the rule's report as the engine's two passes give it: its
# aggregate computed on each node's part alone, the report over the
# fleet-wide facts with aggregate the union of the parts' records.
_two_pass(doc) := r if {
	recs := {x |
		some name, _ in doc.nodes
		agg := rule.aggregate with input as nfx.part(doc, name)
		some x in agg
	}
	r := rule.report with input as nfx.fleet(doc) with rule.aggregate as recs
}

# Through the two passes: the server's settings and the compute nodes
# failing boots come from different nodes' records.
test_two_passes if {
	every inp in [
		nfx.released([_server(object.union(_creds, {"DEFAULT": {"notify_nova_on_port_status_changes": "false"}})), _compute("true")]),
		nfx.released([_server({}), _compute("true")]),
	] {
		count(_two_pass(inp)) == 1
		_two_pass(inp) == rule.report with input as inp
	}
}
