package stacklint.rules.endpoints.keystone_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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
		"message": "nova.conf [keystone_authtoken] auth_url on c reaches Keystone at http://controller2:5000, but 2 of 3 service references reach http://controller:5000 (nova.conf [keystone_authtoken] auth_url on a; a reference reaches a host outside the snapshot: compared with the majority)",
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

# A deployment whose references reach nodes of the snapshot: ctl serves
# Keystone from httpd (vhost on 5000, or /identity on port 80).
_ref(node, port, path) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {
	"auth_url": fx.url("http", "ctl", port, path, ["10.0.0.11"], 10),
}})

_vhost(port) := {"kind": "httpd", "path": "ctl/etc/apache2/sites-enabled/keystone.conf", "node": "ctl", "directives": [
	{"line": 1, "name": "Listen", "args": [sprintf("%d", [port])], "block": ""},
	{"line": 3, "name": "<VirtualHost", "args": [sprintf("*:%d", [port])], "block": ""},
	{"line": 4, "name": "WSGIScriptAlias", "args": ["/", "/usr/bin/keystone-wsgi-public"], "block": sprintf("VirtualHost *:%d", [port]), "blocks": [sprintf("VirtualHost *:%d", [port])]},
]}

_identity := {"kind": "httpd", "path": "ctl/etc/apache2/sites-enabled/keystone.conf", "node": "ctl", "directives": [
	{"line": 1, "name": "Listen", "args": ["80"], "block": ""},
	{"line": 2, "name": "Alias", "args": ["/identity", "/usr/bin/keystone-wsgi-public"], "block": ""},
]}

_served(httpd, a, b, c) := object.union(fx.deployment([
	fx.node("ctl", ["keystone"], [_ref("ctl", a[0], a[1]), httpd]),
	fx.node("compute1", [], [_ref("compute1", b[0], b[1])]),
	fx.node("compute2", [], [_ref("compute2", c[0], c[1])]),
]), {"owners": {"10.0.0.11": "ctl"}})

# Two references reach port 5000, where httpd no longer serves Keystone:
# the one reaching /identity on port 80 is the authority.
test_httpd_is_the_authority if {
	r := rule.report with input as _served(_identity, [80, "/identity/v3"], [5000, "/v3"], [5000, "/v3"])
	r == {
		{
			"message": "nova.conf [keystone_authtoken] auth_url on compute1 reaches Keystone at http://ctl:5000, where nothing serves it; httpd on ctl serves Keystone at http://ctl:80/identity/v3 (ctl/etc/apache2/sites-enabled/keystone.conf:2), as nova.conf [keystone_authtoken] auth_url on ctl reaches it",
			"locations": [fx.loc(_ref("compute1", 0, ""), "keystone_authtoken", "auth_url", 10), fx.loc(_ref("ctl", 0, ""), "keystone_authtoken", "auth_url", 10)],
		},
		{
			"message": "nova.conf [keystone_authtoken] auth_url on compute2 reaches Keystone at http://ctl:5000, where nothing serves it; httpd on ctl serves Keystone at http://ctl:80/identity/v3 (ctl/etc/apache2/sites-enabled/keystone.conf:2), as nova.conf [keystone_authtoken] auth_url on ctl reaches it",
			"locations": [fx.loc(_ref("compute2", 0, ""), "keystone_authtoken", "auth_url", 10), fx.loc(_ref("ctl", 0, ""), "keystone_authtoken", "auth_url", 10)],
		},
	}
}

test_vhost_agrees if {
	r := rule.report with input as _served(_vhost(5000), [5000, "/v3"], [5000, ""], [35357, "/v3"])
	r == set()
}

test_vhost_names_the_reference if {
	r := rule.report with input as _served(_vhost(5000), [5001, "/v3"], [5000, ""], [5000, "/v3"])
	some f in r
	f.message == "nova.conf [keystone_authtoken] auth_url on ctl reaches Keystone at http://ctl:5001, where nothing serves it; httpd on ctl serves Keystone at http://ctl:5000 (ctl/etc/apache2/sites-enabled/keystone.conf:3), as nova.conf [keystone_authtoken] auth_url on compute1 reaches it"
}

# The keystone node's httpd configuration is not in the snapshot.
test_no_httpd if {
	r := rule.report with input as _served({"kind": "hosts", "path": "ctl/etc/hosts", "node": "ctl"}, [80, "/identity"], [5000, ""], [5000, "/v3"])
	some f in r
	f.message == "nova.conf [keystone_authtoken] auth_url on ctl reaches Keystone at http://ctl:80, but 2 of 3 service references reach http://ctl:5000 (nova.conf [keystone_authtoken] auth_url on compute1; no httpd configuration of ctl in the snapshot: compared with the majority)"
}

_pe(node, host) := fx.file(node, "keystone.conf", "etc/keystone/keystone.conf", {"DEFAULT": {
	"public_endpoint": fx.url("https", host, 5000, "", [_addr[host]], 3),
}})

_www(node, host) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {
	"www_authenticate_uri": fx.url("http", host, 5000, "", [_addr[host]], 9),
}})

_addr := {"cloud.example.com": "203.0.113.5", "other.example.com": "203.0.113.6", "controller": "10.0.0.11", "": ""}

# keystone's own public_endpoint is the authority for public URLs.
test_public_endpoint_is_the_authority if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["keystone"], [_pe("ctl", "cloud.example.com"), _www("ctl", "cloud.example.com")]),
		fx.node("compute1", [], [_www("compute1", "controller")]),
		fx.node("compute2", [], [_www("compute2", "controller")]),
	])
	r == {
		{
			"message": "nova.conf [keystone_authtoken] www_authenticate_uri on compute1 reaches Keystone at http://controller:5000, but keystone's own public_endpoint, the URL it advertises to its clients, is https://cloud.example.com:5000 (keystone.conf [DEFAULT] public_endpoint on ctl): clients given the other URL reach Keystone another way, or not at all",
			"locations": [fx.loc(_www("compute1", ""), "keystone_authtoken", "www_authenticate_uri", 9), fx.loc(_pe("ctl", ""), "DEFAULT", "public_endpoint", 3)],
		},
		{
			"message": "nova.conf [keystone_authtoken] www_authenticate_uri on compute2 reaches Keystone at http://controller:5000, but keystone's own public_endpoint, the URL it advertises to its clients, is https://cloud.example.com:5000 (keystone.conf [DEFAULT] public_endpoint on ctl): clients given the other URL reach Keystone another way, or not at all",
			"locations": [fx.loc(_www("compute2", ""), "keystone_authtoken", "www_authenticate_uri", 9), fx.loc(_pe("ctl", ""), "DEFAULT", "public_endpoint", 3)],
		},
	}
}

test_public_endpoints_differ if {
	r := rule.report with input as fx.deployment([
		fx.node("ctl", ["keystone"], [_pe("ctl", "cloud.example.com")]),
		fx.node("ctl2", ["keystone"], [_pe("ctl2", "other.example.com")]),
	])
	r == {{
		"message": "keystone nodes advertise different public_endpoint values (keystone.conf [DEFAULT] public_endpoint on ctl: https://cloud.example.com:5000, keystone.conf [DEFAULT] public_endpoint on ctl2: https://other.example.com:5000): clients follow whichever node answered",
		"locations": [fx.loc(_pe("ctl", ""), "DEFAULT", "public_endpoint", 3), fx.loc(_pe("ctl2", ""), "DEFAULT", "public_endpoint", 3)],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		_served(_identity, [80, "/identity/v3"], [5000, "/v3"], [5000, "/v3"]),
		_served(_vhost(5000), [5001, "/v3"], [5000, ""], [5000, "/v3"]),
		_served({"kind": "hosts", "path": "ctl/etc/hosts", "node": "ctl"}, [80, "/identity"], [5000, ""], [5000, "/v3"]),
		_input(fx.url("http", "controller", 5000, "/v3", ["10.0.0.99"], 10)),
		fx.deployment([fx.node("ctl", ["keystone"], [_pe("ctl", "cloud.example.com")]), fx.node("ctl2", ["keystone"], [_pe("ctl2", "other.example.com")])]),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
