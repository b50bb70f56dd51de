package stacklint.rules.endpoints.keystone_v2_admin_port_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.keystone_v2_admin_port as rule

_input(www, auth_url) := fx.deployment([fx.node("n", [], [fx.file("n", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": object.union(www, {"auth_url": auth_url})})])])

_www := {"www_authenticate_uri": fx.url("http", "controller", 5000, "", ["10.0.0.11"], 6)}

test_current_urls if {
	r := rule.report with input as _input(_www, fx.url("http", "controller", 5000, "/v3", ["10.0.0.11"], 7))
	r == set()
}

test_pre_queens_deployment_may_use_35357 if {
	r := rule.report with input as _input({}, fx.url("http", "controller", 35357, "/v2.0", ["10.0.0.11"], 7))
	r == set()
}

test_v2_path if {
	r := rule.report with input as _input(_www, fx.url("http", "controller", 5000, "/v2.0", ["10.0.0.11"], 7))
	r == {{
		"message": "neutron.conf [keystone_authtoken] auth_url on n uses the removed v2.0 API: since Queens Keystone serves only v3, on port 5000",
		"locations": [{"path": "n/etc/neutron/neutron.conf", "node": "n", "line": 7, "column": 1, "section": "keystone_authtoken", "key": "auth_url"}],
	}}
}
