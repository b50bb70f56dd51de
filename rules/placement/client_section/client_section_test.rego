package stacklint.rules.placement.client_section_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.placement.client_section as rule

_nova(name, sections) := fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", sections)])

_placement := fx.node("c", ["placement-api"], [fx.file("c", "placement.conf", "etc/placement/placement.conf", {})])

test_credentials if {
	r := rule.report with input as fx.deployment([_placement, _nova("c1", {"placement": {"password": fx.secret("a", 1)}})])
	r == set()
}

test_no_placement_service if {
	r := rule.report with input as fx.deployment([_nova("c1", {"DEFAULT": {}})])
	r == set()
}

test_missing if {
	r := rule.report with input as fx.deployment([_placement, _nova("c1", {"DEFAULT": {}})])
	r == {{
		"message": "nova.conf on c1 (nova-compute) has no [placement] credentials: it cannot report its resources to placement",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "section": "placement"}],
	}}
}

# The two passes: placement in use on one node, credentials missing on
# another.
test_two_passes if {
	d := fx.deployment([_placement, _nova("c1", {"DEFAULT": {}})])
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
	count(r) > 0
	r == rule.report with input as d
}
