package stacklint.rules.endpoints.keystone_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.keystone_drift as rule

_nova(node, auth_url) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {
	"www_authenticate_uri": fx.url("https", "cloud.example.com", 5000, "", ["203.0.113.5"], 9),
	"auth_url": auth_url,
}})

_input(third) := object.union(
	fx.deployment([
		fx.node("a", [], [_nova("a", fx.url("http", "controller", 5000, "/v3", ["10.0.0.11"], 10))]),
		fx.node("b", [], [_nova("b", fx.url("http", "10.0.0.11", 5000, "", ["10.0.0.11"], 10))]),
		fx.node("c", [], [_nova("c", third)]),
	]),
	{"owners": {"10.0.0.11": "ctl"}},
)

test_same_keystone_written_differently if {
	r := rule.report with input as _input(fx.url("http", "controller", 35357, "/v2.0", ["10.0.0.11"], 10))
	r == set()
}

test_other_host if {
	r := rule.report with input as _input(fx.url("http", "controller2", 5000, "/v3", ["10.0.0.12"], 10))
	r == {{
		"message": "nova.conf [keystone_authtoken] auth_url on c reaches Keystone at http://controller2:5000, but 2 of 3 service references reach http://controller:5000 (nova.conf [keystone_authtoken] auth_url on a)",
		"locations": [
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 10, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
			{"path": "a/etc/nova/nova.conf", "node": "a", "line": 10, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
		],
	}}
}

test_legacy_auth_host_port if {
	legacy := fx.file("c", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {
		"auth_host": {"value": "controller", "line": 4, "column": 1, "host_refs": [{"host": "controller", "resolved": ["10.0.0.11"]}]},
		"auth_port": "5001",
		"auth_protocol": "http",
	}})
	inp := object.union(_input(fx.url("http", "controller", 5000, "", ["10.0.0.11"], 10)), {"nodes": {"d": fx.node("d", [], [legacy])}})
	r := rule.report with input as inp
	some f in r
	f.locations[0].key == "auth_host"
	contains(f.message, "http://controller:5001")
}

# The same URL, resolved to another machine on c (its /etc/hosts): the
# message names what each side reaches, never two equal URLs.
test_same_url_other_machine if {
	r := rule.report with input as _input(fx.url("http", "controller", 5000, "/v3", ["10.0.0.99"], 10))
	some f in r
	contains(f.message, "(10.0.0.99 on c)")
	contains(f.message, "(ctl on a)")
}
