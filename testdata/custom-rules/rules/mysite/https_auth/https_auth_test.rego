package stacklint.rules.mysite.https_auth_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.mysite.https_auth as rule

_nova(uri) := fx.deployment([fx.node_below("compute1", [], [fx.file("compute1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": fx.at(uri, 6)}})])])

test_http_is_reported if {
	r := rule.report with input as _nova("http://controller:5000/")
	r == {{
		"message": "nova.conf [keystone_authtoken] www_authenticate_uri on compute1 is http://controller:5000/: tokens cross the network in clear",
		"locations": [{"path": "compute1/etc/nova/nova.conf", "node": "compute1", "line": 6, "column": 1, "section": "keystone_authtoken", "key": "www_authenticate_uri"}],
	}}
}

test_https_is_fine if {
	count(rule.report) == 0 with input as _nova("https://keystone.example.net:5000/")
}
