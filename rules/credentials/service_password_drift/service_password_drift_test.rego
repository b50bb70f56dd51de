package stacklint.rules.credentials.service_password_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.service_password_drift as rule

_neutron(node, fp) := fx.file(node, "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"username": "neutron", "password": fx.secret(fp, 22)}})

_input(fps) := fx.deployment([fx.node(sprintf("n%d", [i]), ["neutron-server"], [_neutron(sprintf("n%d", [i]), fp)]) | some i, fp in fps])

test_same_password_everywhere if {
	r := rule.report with input as _input(["aaaaaa", "aaaaaa", "aaaaaa"])
	r == set()
}

test_one_node_differs if {
	r := rule.report with input as _input(["aaaaaa", "bbbbbb", "aaaaaa"])
	r == {{
		"message": "Keystone user 'neutron': neutron.conf [keystone_authtoken] password on n1 (fp:bbbbbb) differs from the password most nodes running neutron-server hold in their own [keystone_authtoken] (2 of 3, neutron.conf [keystone_authtoken] password on n0): token validation there gets 401",
		"locations": [fx.loc(_neutron("n1", "x"), "keystone_authtoken", "password", 22), fx.loc(_neutron("n0", "x"), "keystone_authtoken", "password", 22)],
	}}
}

test_legacy_admin_password_and_other_users_apart if {
	legacy := fx.file("n2", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"admin_user": "neutron", "admin_password": fx.secret("cccccc", 9)}})
	glance := fx.file("n3", "glance-api.conf", "etc/glance/glance-api.conf", {"keystone_authtoken": {"username": "glance", "password": fx.secret("dddddd", 9)}})
	inp := fx.deployment([
		fx.node("n0", ["neutron-server"], [_neutron("n0", "aaaaaa")]),
		fx.node("n1", [], [_neutron("n1", "aaaaaa")]),
		fx.node("n2", [], [legacy]),
		fx.node("n3", [], [glance]),
	])
	r := rule.report with input as inp
	count(r) == 1
	some f in r
	f.locations[0] == fx.loc(legacy, "keystone_authtoken", "admin_password", 9)
}

test_empty_passwords_left_to_empty_secret_rule if {
	r := rule.report with input as _input(["aaaaaa", "", "aaaaaa"])
	r == set()
}

test_neutron_placement_client_uses_placement_password if {
	plc := fx.file("c", "placement.conf", "etc/placement/placement.conf", {"keystone_authtoken": {"username": "placement", "password": fx.secret("aaaaaa", 15)}})
	neu := fx.file("c", "neutron.conf", "etc/neutron/neutron.conf", {"placement": {"username": "placement", "password": fx.secret("bbbbbb", 40)}})
	r := rule.report with input as fx.deployment([fx.node("c", ["placement-api"], [plc, neu])])
	r == {{
		"message": "neutron.conf [placement] password on c (fp:bbbbbb) differs from placement's service password (fp:aaaaaa, placement.conf [keystone_authtoken] password on c): requests with it get 401",
		"locations": [fx.loc(neu, "placement", "password", 40), fx.loc(plc, "keystone_authtoken", "password", 15)],
	}}
}

# The majority is wrong: the API node's own copy is the authority.
test_api_node_is_the_authority if {
	api := _neutron("n0", "aaaaaa")
	inp := fx.deployment([
		fx.node("n0", ["neutron-server"], [api]),
		fx.node("n1", [], [_neutron("n1", "bbbbbb")]),
		fx.node("n2", [], [_neutron("n2", "bbbbbb")]),
	])
	r := rule.report with input as inp
	r == {
		{
			"message": "Keystone user 'neutron': neutron.conf [keystone_authtoken] password on n1 (fp:bbbbbb) differs from neutron's own password, neutron.conf [keystone_authtoken] password on n0 (fp:aaaaaa), the one its API validates tokens with: a login with this copy gets 401",
			"locations": [fx.loc(_neutron("n1", "x"), "keystone_authtoken", "password", 22), fx.loc(api, "keystone_authtoken", "password", 22)],
		},
		{
			"message": "Keystone user 'neutron': neutron.conf [keystone_authtoken] password on n2 (fp:bbbbbb) differs from neutron's own password, neutron.conf [keystone_authtoken] password on n0 (fp:aaaaaa), the one its API validates tokens with: a login with this copy gets 401",
			"locations": [fx.loc(_neutron("n2", "x"), "keystone_authtoken", "password", 22), fx.loc(api, "keystone_authtoken", "password", 22)],
		},
	}
}

# No node runs neutron-server: the majority, and the message says so.
test_no_api_node_majority if {
	inp := fx.deployment([fx.node(sprintf("n%d", [i]), [], [_neutron(sprintf("n%d", [i]), fp)]) | some i, fp in ["aaaaaa", "bbbbbb", "aaaaaa"]])
	r := rule.report with input as inp
	r == {{
		"message": "Keystone user 'neutron': neutron.conf [keystone_authtoken] password on n1 (fp:bbbbbb) differs from neutron.conf [keystone_authtoken] password on n0 (fp:aaaaaa); no neutron [keystone_authtoken] on a node running neutron-server in the snapshot: compared with the majority, 2 of 3; the side Keystone does not know gets 401",
		"locations": [fx.loc(_neutron("n1", "x"), "keystone_authtoken", "password", 22), fx.loc(_neutron("n0", "x"), "keystone_authtoken", "password", 22)],
	}}
}

# Two API nodes, two passwords: the tie is the finding.
test_api_nodes_tie if {
	r := rule.report with input as _input(["aaaaaa", "bbbbbb"])
	r == {{
		"message": "Keystone user 'neutron': the nodes running neutron-server hold different passwords in their own [keystone_authtoken] (neutron.conf [keystone_authtoken] password on n0: fp:aaaaaa, neutron.conf [keystone_authtoken] password on n1: fp:bbbbbb): Keystone holds one, token validation on the others gets 401",
		"locations": [fx.loc(_neutron("n0", "x"), "keystone_authtoken", "password", 22), fx.loc(_neutron("n1", "x"), "keystone_authtoken", "password", 22)],
	}}
}

# Each node is a part of its own: the authority (n0), the majority of
# glance's copies without an API node (2 of 3), the API nodes' tie and
# neutron's copy of placement's user are rebuilt from records.
test_two_passes if {
	plc := fx.file("p", "placement.conf", "etc/placement/placement.conf", {"keystone_authtoken": {"username": "placement", "password": fx.secret("pppppp", 15)}})
	neu := fx.file("q", "neutron.conf", "etc/neutron/neutron.conf", {"placement": {"username": "placement", "password": fx.secret("qqqqqq", 40)}})
	d := fx.deployment([
		fx.node("n0", ["neutron-server"], [_neutron("n0", "aaaaaa")]),
		fx.node("n1", [], [_neutron("n1", "bbbbbb")]),
		fx.node("n2", [], [_neutron("n2", "bbbbbb")]),
		fx.node("g0", [], [_glance("g0", "cccccc")]),
		fx.node("g1", [], [_glance("g1", "dddddd")]),
		fx.node("g2", [], [_glance("g2", "cccccc")]),
		fx.node("k0", ["nova-api"], [fx.file("k0", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": fx.secret("eeeeee", 9)}})]),
		fx.node("k1", ["nova-api"], [fx.file("k1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"username": "nova", "password": fx.secret("ffffff", 9)}})]),
		fx.node("p", ["placement-api"], [plc]),
		fx.node("q", [], [neu]),
	])
	whole := rule.report with input as d
	count(whole) == 5
	_two_passes(d) == whole
}

_glance(node, fp) := fx.file(node, "glance-api.conf", "etc/glance/glance-api.conf", {"keystone_authtoken": {"username": "glance", "password": fx.secret(fp, 9)}})

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
