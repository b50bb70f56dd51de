package stacklint.rules.placement.essentials_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.placement.essentials as rule

_auth := {"auth_url": "http://controller:5000/v3", "username": "placement", "password": fx.secret("aaaaaa", 15)}

_input(sections) := fx.deployment([fx.node("ctl", [], [fx.file("ctl", "placement.conf", "etc/placement/placement.conf", sections)])])

test_complete if {
	r := rule.report with input as _input({"placement_database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": _auth})
	r == set()
	legacy := rule.report with input as _input({"database": {"connection": "mysql+pymysql://x"}, "keystone_authtoken": _auth})
	legacy == set()
}

test_no_database if {
	r := rule.report with input as _input({"keystone_authtoken": _auth})
	r == {{
		"message": "placement.conf on ctl has no [placement_database] connection (the database connection): the placement API cannot serve requests",
		"locations": [{"path": "ctl/etc/placement/placement.conf", "node": "ctl", "section": "placement_database", "key": "connection"}],
	}}
}
