package stacklint.rules.credentials.empty_secret_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.empty_secret as rule

_input(f) := fx.deployment([fx.node("n", [], [f])])

test_set_secrets if {
	f := fx.file("n", "nova.conf", "etc/nova/nova.conf", {"neutron": {"password": fx.secret("aaaaaa", 3)}})
	r := rule.report with input as _input(f)
	r == set()
}

test_empty_password if {
	f := fx.file("n", "nova.conf", "etc/nova/nova.conf", {"neutron": {"password": fx.secret("", 3)}})
	r := rule.report with input as _input(f)
	r == {{
		"message": "nova.conf [neutron] password on n is empty: the service sends an empty secret, which authenticates nothing",
		"locations": [fx.loc(f, "neutron", "password", 3)],
	}}
}

test_empty_url_password if {
	occ := {"value": "rabbit://openstack:@controller", "line": 2, "column": 1, "url": {"hosts": [{"user": "openstack", "password_empty": true}]}}
	f := fx.file("n", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"transport_url": occ}})
	r := rule.report with input as _input(f)
	r == {{
		"message": "nova.conf [DEFAULT] transport_url on n gives user 'openstack' an empty password in the URL: the server refuses it",
		"locations": [fx.loc(f, "DEFAULT", "transport_url", 2)],
	}}
}
