package stacklint.rules.endpoints.region_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.region_drift as rule

_nova(node, region) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"placement": {"region_name": fx.at(region, 32)}})

_input(regions) := fx.deployment([fx.node(sprintf("c%d", [i]), [], [_nova(sprintf("c%d", [i]), r)]) | some i, r in regions])

test_same_region if {
	r := rule.report with input as _input(["RegionOne", "RegionOne", "RegionOne"])
	r == set()
}

test_case_differs if {
	r := rule.report with input as _input(["RegionOne", "regionOne", "RegionOne"])
	r == {{
		"message": "region 'regionOne' in nova.conf [placement] region_name on c1 differs from 'RegionOne', used by 2 of 3 references (nova.conf [placement] region_name on c0): endpoint lookups fail with EndpointNotFound",
		"locations": [fx.loc(_nova("c1", ""), "placement", "region_name", 32), fx.loc(_nova("c0", ""), "placement", "region_name", 32)],
	}}
}
