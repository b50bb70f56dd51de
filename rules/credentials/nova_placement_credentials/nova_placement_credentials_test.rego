package stacklint.rules.credentials.nova_placement_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.nova_placement_credentials as rule

_placement := fx.file("ctl", "placement.conf", "etc/placement/placement.conf", {"keystone_authtoken": {"username": "placement", "password": fx.secret("aaaaaa", 15)}})

_nova(kind, fp) := fx.file("cmp", kind, sprintf("etc/nova/%s", [kind]), {"placement": {"username": "placement", "password": fx.secret(fp, 39)}})

_input(nova) := fx.deployment([fx.node("ctl", ["placement-api"], [_placement]), fx.node("cmp", ["nova-compute"], [nova])])

test_same_credentials if {
	r := rule.report with input as _input(_nova("nova.conf", "aaaaaa"))
	r == set()
}

test_wrong_password_in_nova_compute_conf if {
	nova := _nova("nova-compute.conf", "bbbbbb")
	r := rule.report with input as _input(nova)
	r == {{
		"message": "nova-compute.conf [placement] password on cmp (fp:bbbbbb) differs from placement's service password (fp:aaaaaa, placement.conf [keystone_authtoken] password on ctl): nova-compute cannot report its inventory and the scheduler finds no host",
		"locations": [fx.loc(nova, "placement", "password", 39), fx.loc(_placement, "keystone_authtoken", "password", 15)],
	}}
}
