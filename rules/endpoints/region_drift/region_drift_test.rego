package stacklint.rules.endpoints.region_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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
		"message": "region 'regionOne' in nova.conf [placement] region_name on c1 differs from 'RegionOne', used by 2 of 3 references (nova.conf [placement] region_name on c0; no admin rc in the snapshot names the catalog's region: compared with the majority): endpoint lookups fail with EndpointNotFound",
		"locations": [fx.loc(_nova("c1", ""), "placement", "region_name", 32), fx.loc(_nova("c0", ""), "placement", "region_name", 32)],
	}}
}

_rc(path, user, region) := {"path": path, "node": "", "vars": {
	"OS_USERNAME": {"value": user, "line": 2, "column": 8},
	"OS_REGION_NAME": {"value": region, "line": 3, "column": 8},
}}

_rcloc(path) := {"path": path, "node": "", "line": 3, "column": 8, "key": "OS_REGION_NAME"}

_with_rcs(regions, rcs) := object.union(_input(regions), {"rc": rcs})

# The admin rc is the authority: the majority is wrong here.
test_admin_rc_is_the_authority if {
	r := rule.report with input as _with_rcs(["RegionOne", "RegionTwo", "RegionOne"], [_rc("admin-openrc", "admin", "RegionTwo")])
	r == {
		{
			"message": "region 'RegionOne' in nova.conf [placement] region_name on c0 differs from 'RegionTwo', the region of the admin rc admin-openrc (the installer registers the endpoints there): endpoint lookups fail with EndpointNotFound",
			"locations": [fx.loc(_nova("c0", ""), "placement", "region_name", 32), _rcloc("admin-openrc")],
		},
		{
			"message": "region 'RegionOne' in nova.conf [placement] region_name on c2 differs from 'RegionTwo', the region of the admin rc admin-openrc (the installer registers the endpoints there): endpoint lookups fail with EndpointNotFound",
			"locations": [fx.loc(_nova("c2", ""), "placement", "region_name", 32), _rcloc("admin-openrc")],
		},
	}
}

# A user's own rc is no authority.
test_demo_rc_is_no_authority if {
	r := rule.report with input as _with_rcs(["RegionOne", "RegionOne"], [_rc("demo-openrc", "demo", "RegionTwo")])
	count(r) == 1
	some f in r
	startswith(f.message, "region 'RegionTwo' in demo-openrc OS_REGION_NAME differs from 'RegionOne', used by 2 of 3 references")
}

test_admin_rc_agrees if {
	r := rule.report with input as _with_rcs(["RegionOne", "RegionOne"], [_rc("admin-openrc", "admin", "RegionOne")])
	r == set()
}

# Admin rc files that disagree: the disagreement is the finding, and only
# a reference matching none of them is blamed.
test_admin_rcs_disagree if {
	rcs := [_rc("a/keystonerc_admin", "admin", "RegionOne"), _rc("b/keystonerc_admin", "admin", "US-ALPH")]
	r := rule.report with input as _with_rcs(["RegionOne", "RegionOne", "US-ALPH", "regionone"], rcs)
	r == {
		{
			"message": "region 'regionone' in nova.conf [placement] region_name on c3 differs from 'RegionOne', the region of the admin rc a/keystonerc_admin (the installer registers the endpoints there): endpoint lookups fail with EndpointNotFound",
			"locations": [fx.loc(_nova("c3", ""), "placement", "region_name", 32), _rcloc("a/keystonerc_admin")],
		},
		{
			"message": "the admin rc files name different regions ('RegionOne' in a/keystonerc_admin, 'US-ALPH' in b/keystonerc_admin) and the references follow them ('RegionOne' 3 of 6, 'US-ALPH' 2 of 6): the catalog has the endpoints in one of them, lookups in the others fail with EndpointNotFound",
			"locations": [_rcloc("a/keystonerc_admin"), _rcloc("b/keystonerc_admin")],
		},
	}
}

# No two references agree: the first is the reference, and the message
# does not call it a majority.
test_no_two_agree if {
	r := rule.report with input as _input(["RegionOne", "RegionTwo", "RegionThree"])
	count(r) == 2
	every f in r {
		contains(f.message, "used by 1 of 3 references (nova.conf [placement] region_name on c0; no admin rc in the snapshot names the catalog's region: compared with the first by path, as no two agree)")
	}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		_with_rcs(["RegionOne", "RegionTwo", "RegionOne"], [_rc("admin-openrc", "admin", "RegionTwo")]),
		_with_rcs(["RegionOne", "RegionOne", "US-ALPH", "regionone"], [_rc("a/keystonerc_admin", "admin", "RegionOne"), _rc("b/keystonerc_admin", "admin", "US-ALPH")]),
		_input(["RegionOne", "RegionTwo", "RegionThree"]),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
