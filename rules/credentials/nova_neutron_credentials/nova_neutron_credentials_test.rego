package stacklint.rules.credentials.nova_neutron_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
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

_domains(client_domain, ref_domain) := fx.deployment([
	fx.node("ctl", ["neutron-server"], [fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"username": "neutron", "user_domain_name": ref_domain, "password": fx.secret("aaaaaa", 22)}})]),
	fx.node("cmp", ["nova-compute"], [fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"neutron": {"username": "neutron", "user_domain_name": fx.at(client_domain, 47), "password": fx.secret("aaaaaa", 49)}})]),
])

test_domain_names_compare_case_insensitively if {
	r := rule.report with input as _domains("default", "Default")
	r == set()
}

test_other_domain if {
	r := rule.report with input as _domains("services", "Default")
	r == {{
		"message": "nova.conf [neutron] user_domain_name on cmp puts user 'neutron' in domain 'services', but neutron's service user is in domain 'default' (neutron.conf [keystone_authtoken] password on ctl): port create and binding fail with 401, and so does every instance boot",
		"locations": [
			{"path": "cmp/etc/nova/nova.conf", "node": "cmp", "line": 47, "column": 1, "section": "neutron", "key": "user_domain_name"},
			{"path": "ctl/etc/neutron/neutron.conf", "node": "ctl", "line": 22, "column": 1, "section": "keystone_authtoken", "key": "password"},
		],
	}}
}

# No node runs neutron-server: neutron's copies' majority is the
# reference, and a wrong user says so too.
test_wrong_user_without_authority if {
	nova := _nova("neutron", "username", "password", "admin", "aaaaaa")
	r := rule.report with input as fx.deployment([fx.node("ctl", [], [_neutron]), fx.node("cmp", ["nova-compute"], [nova])])
	r == {{
		"message": "nova.conf [neutron] username on cmp authenticates as 'admin', but neutron's service user is 'neutron' (neutron.conf [keystone_authtoken] password on ctl; no neutron [keystone_authtoken] on a node running neutron-server in the snapshot: compared with the majority, 1 of 1): port create and binding fail with 401, and so does every instance boot",
		"locations": [fx.loc(nova, "neutron", "username", 48), fx.loc(_neutron, "keystone_authtoken", "password", 22)],
	}}
}

# The reference (neutron's node) and the client copy (nova's node) come
# from different parts: the two passes give the one-pass findings.
test_two_passes_wrong_password_and_user if {
	d := fx.deployment([
		fx.node("ctl", ["neutron-server"], [_neutron]),
		fx.node("cmp", ["nova-compute"], [_nova("neutron", "username", "password", "neutron", "bbbbbb")]),
		fx.node("cmp2", ["nova-compute"], [fx.file("cmp2", "nova.conf", "etc/nova/nova.conf", {"neutron": {"username": "admin", "password": fx.secret("aaaaaa", 49)}})]),
	])
	whole := rule.report with input as d
	count(whole) == 2
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
