package stacklint.rules.endpoints.interface_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.interface_drift as rule

_n(name, v) := fx.node(name, [], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"placement": {"valid_interfaces": v}})])

test_same if {
	r := rule.report with input as fx.deployment([_n("a", "internal"), _n("b", "internalURL")])
	r == set()
}

test_public_on_one if {
	r := rule.report with input as fx.deployment([_n("a", "internal"), _n("b", "internal"), _n("c", "public")])
	r == {{
		"message": "nova.conf [placement] valid_interfaces on c is public, but nova.conf [placement] valid_interfaces on a is internal (each client picks its own, none is the authority: compared with the majority, 2 of 3): the nodes reach the service through different endpoints",
		"locations": [
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "placement", "key": "valid_interfaces"},
			{"path": "a/etc/nova/nova.conf", "node": "a", "line": 1, "column": 1, "section": "placement", "key": "valid_interfaces"},
		],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
test_two_passes if {
	d := fx.deployment([_n("a", "internal"), _n("b", "internal"), _n("c", "public")])
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
	count(r) > 0
	r == rule.report with input as d
}
