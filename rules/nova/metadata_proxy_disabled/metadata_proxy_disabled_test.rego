package stacklint.rules.nova.metadata_proxy_disabled_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.nova.metadata_proxy_disabled as rule

_input(sections) := fx.deployment([
	fx.node("ctl", ["nova-api"], [fx.file("ctl", "nova.conf", "etc/nova/nova.conf", sections)]),
	fx.node("net", ["neutron-metadata-agent"], [fx.file("net", "metadata_agent.ini", "etc/neutron/metadata_agent.ini", {"DEFAULT": {}})]),
])

test_enabled if {
	r := rule.report with input as _input({"neutron": {"service_metadata_proxy": "true"}})
	r == set()
}

test_legacy_enabled if {
	r := rule.report with input as _input({"DEFAULT": {"service_neutron_metadata_proxy": "True"}})
	r == set()
}

test_disabled if {
	r := rule.report with input as _input({"neutron": {"service_metadata_proxy": fx.at("false", 58)}})
	r == {{
		"message": "nova.conf [neutron] service_metadata_proxy on ctl is not true, but metadata agents on net proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata",
		"locations": [{"path": "ctl/etc/nova/nova.conf", "node": "ctl", "line": 58, "column": 1, "section": "neutron", "key": "service_metadata_proxy"}],
	}}
}

# Unset: the release's default is in effect (false in every release with
# defaults), at the [neutron] header (issue 16).
_defaults(v) := {"zed": {"nova.conf": {"neutron": {"service_metadata_proxy": {"text": v, "host": false}}}}}

_released(sections, v) := object.union(fx.released(_with_headers(_input(sections)), "zed", "auto"), {"defaults": _defaults(v)})

_with_headers(d) := json.patch(d, [{"op": "add", "path": "/nodes/ctl/files/ctl~1etc~1nova~1nova.conf/headers", "value": [{"name": "neutron", "line": 40}]}])

test_unset if {
	r := rule.report with input as _released({"neutron": {}}, "false")
	r == {{
		"message": "nova.conf [neutron] service_metadata_proxy on ctl is not set: its default in zed, false, but metadata agents on net proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata",
		"locations": [{"path": "ctl/etc/nova/nova.conf", "node": "ctl", "line": 40, "column": 1, "section": "neutron", "key": "service_metadata_proxy"}],
	}}
}

# A release whose default were true would need nothing written.
test_unset_default_true if {
	r := rule.report with input as _released({"neutron": {}}, "true")
	r == set()
}

# Without the release's default (no release known), nothing is guessed.
test_unset_without_defaults if {
	r := rule.report with input as _input({"neutron": {}})
	r == set()
}

# The Icehouse name, written, is what nova reads when the current is unset.
test_legacy_disabled if {
	r := rule.report with input as _released({"DEFAULT": {"service_neutron_metadata_proxy": fx.at("False", 9)}}, "false")
	r == {{
		"message": "nova.conf [DEFAULT] service_neutron_metadata_proxy on ctl is not true, but metadata agents on net proxy to nova: the metadata API ignores their X-Instance-ID and instances get no metadata",
		"locations": [{"path": "ctl/etc/nova/nova.conf", "node": "ctl", "line": 9, "column": 1, "section": "DEFAULT", "key": "service_neutron_metadata_proxy"}],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives. The metadata agents are
# on net and net2, the nova-api reported on ctl; without them, nothing.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

_net2 := fx.node("net2", ["neutron-metadata-agent"], [fx.file("net2", "metadata_agent.ini", "etc/neutron/metadata_agent.ini", {"DEFAULT": {}})])

test_two_passes if {
	d := _input({"neutron": {"service_metadata_proxy": fx.at("false", 58)}})
	two := json.patch(d, [{"op": "add", "path": "/nodes/net2", "value": _net2}])
	every doc in [d, two, _released({"neutron": {}}, "false")] {
		r := _two_pass(doc)
		count(r) == 1
		r == rule.report with input as doc
	}
	[m] := [f.message | some f in _two_pass(two)]
	contains(m, "metadata agents on net, net2 proxy")
	_two_pass(json.remove(d, ["nodes/net"])) == set()
}
