package stacklint.rules.endpoints.keystone_v2_admin_port_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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

# The two passes: the Queens-era option on one node (ctl), the stale
# references on another (n), in a file and an rc file; each node's
# records alone, the report over their union with no nodes, give the
# findings one pass gives.
_split := object.union(fx.deployment([
	fx.node("n", [], [fx.file("n", "neutron.conf", "etc/neutron/neutron.conf", {"keystone_authtoken": {"auth_url": fx.url("http", "controller", 35357, "/v3", ["10.0.0.11"], 7)}})]),
	fx.node("ctl", [], [fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": _www})]),
]), {"rc": [{"path": "n/root/admin-openrc", "node": "n", "name": "admin-openrc", "vars": {"OS_AUTH_URL": {"value": "http://controller:5000/v2.0", "line": 3, "column": 1, "url": {"scheme": "http", "path": "/v2.0", "endpoint": "http://controller:5000", "hosts": [{"host": "controller", "port": 5000, "resolved": []}]}}}}]})

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split)
	count(r) == 2
	r == rule.report with input as _split
}
