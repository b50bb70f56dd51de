package stacklint.rules.endpoints.scheme_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.scheme_drift as rule

_f(node, kind, scheme) := fx.node(node, [], [fx.file(node, kind, sprintf("etc/%s", [kind]), {"keystone_authtoken": {"auth_url": fx.url(scheme, "ctl", 5000, "/v3", ["10.0.0.11"], 2)}})])

test_same if {
	r := rule.report with input as fx.deployment([_f("a", "nova.conf", "https"), _f("b", "nova.conf", "https")])
	r == set()
}

test_mixed if {
	r := rule.report with input as fx.deployment([_f("a", "nova.conf", "https"), _f("b", "nova.conf", "https"), _f("c", "neutron.conf", "http")])
	r == {{
		"message": "neutron.conf [keystone_authtoken] auth_url on c reaches 10.0.0.11:5000 over http, but nova.conf [keystone_authtoken] auth_url on a uses https: one of them cannot talk to the listener",
		"locations": [
			{"path": "c/etc/neutron.conf", "node": "c", "line": 2, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
			{"path": "a/etc/nova.conf", "node": "a", "line": 2, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
		],
	}}
}
