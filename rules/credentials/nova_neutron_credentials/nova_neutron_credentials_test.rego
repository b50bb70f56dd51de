package stacklint.rules.credentials.nova_neutron_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.nova_neutron_credentials as rule

_neutron := fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"username": "neutron", "password": fx.secret("aaaaaa", 22)}})

_nova(section, ukey, pkey, user, fp) := fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {section: {ukey: fx.at(user, 48), pkey: fx.secret(fp, 49)}})

_input(nova) := fx.deployment([fx.node("ctl", ["neutron-server"], [_neutron]), fx.node("cmp", ["nova-compute"], [nova])])

test_same_credentials if {
	r := rule.report with input as _input(_nova("neutron", "username", "password", "neutron", "aaaaaa"))
	r == set()
}

test_wrong_password if {
	nova := _nova("neutron", "username", "password", "neutron", "bbbbbb")
	r := rule.report with input as _input(nova)
	r == {{
		"message": "nova.conf [neutron] password on cmp (fp:bbbbbb) differs from neutron's service password (fp:aaaaaa, neutron.conf [keystone_authtoken] password on ctl): port create and binding fail with 401, and so does every instance boot",
		"locations": [fx.loc(nova, "neutron", "password", 49), fx.loc(_neutron, "keystone_authtoken", "password", 22)],
	}}
}

test_wrong_user_legacy_names if {
	nova := _nova("DEFAULT", "neutron_admin_username", "neutron_admin_password", "admin", "aaaaaa")
	r := rule.report with input as _input(nova)
	r == {{
		"message": "nova.conf [DEFAULT] neutron_admin_username on cmp authenticates as 'admin', but neutron's service user is 'neutron' (neutron.conf [keystone_authtoken] password on ctl): port create and binding fail with 401, and so does every instance boot",
		"locations": [fx.loc(nova, "DEFAULT", "neutron_admin_username", 48), fx.loc(_neutron, "keystone_authtoken", "password", 22)],
	}}
}

test_no_neutron_config_in_snapshot if {
	r := rule.report with input as fx.deployment([fx.node("cmp", [], [_nova("neutron", "username", "password", "neutron", "bbbbbb")])])
	r == set()
}
