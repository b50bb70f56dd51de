package stacklint.rules.endpoints.deprecated_endpoint_options_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.deprecated_endpoint_options as rule

_d(sections) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", object.union(sections, {"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"}}))])])

test_current if {
	r := rule.report with input as _d({"placement": {"region_name": "RegionOne"}})
	r == set()
}

test_old_region if {
	r := rule.report with input as _d({"placement": {"os_region_name": "RegionOne"}})
	r == {{
		"message": "nova.conf [placement] os_region_name on c is removed in nova 18.0.0: use region_name",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "placement", "key": "os_region_name"}],
	}}
}

test_icehouse_left_alone if {
	d := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"neutron": {"url": "http://c:9696"}})])])
	r := rule.report with input as d
	r == set()
}

# The two passes: the Queens-era option on one node (ctl), the old options
# on another (c); each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_split := fx.deployment([
	fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"neutron": {"url": "http://ctl:9696"}, "placement": {"os_interface": "internal"}})]),
	fx.node("ctl", [], [fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://ctl:5000"}})]),
])

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split)
	count(r) == 2
	r == rule.report with input as _split
}
