package stacklint.rules.credentials.service_password_drift_test

import data.stacklint.fixtures as fx
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
		"message": "Keystone user 'neutron': neutron.conf [keystone_authtoken] password on n1 (fp:bbbbbb) differs from neutron.conf [keystone_authtoken] password on n0 (fp:aaaaaa); the side Keystone does not know gets 401",
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
