package stacklint.rules.endpoints.listener_port_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.listener_port as rule

_glance(port) := fx.node("ctl", ["glance-api"], [fx.file("ctl", "glance-api.conf", "etc/glance/glance-api.conf", {"DEFAULT": {"bind_port": port}})])

_client(port) := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"glance": {"api_servers": {
	"value": "http://ctl", "line": 9, "column": 1,
	"url": {"scheme": "http", "hosts": [{"host": "ctl", "port": port, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

test_same_port if {
	r := rule.report with input as fx.deployment([_glance("9292"), _client(9292)])
	r == set()
}

test_other_port if {
	r := rule.report with input as fx.deployment([_glance("9292"), _client(9191)])
	r == {{
		"message": "nova.conf [glance] api_servers on c1 reaches ctl on port 9191, but glance-api there listens on 9292 (glance-api.conf [DEFAULT] bind_port on ctl): the connection is refused",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 9, "column": 1, "section": "glance", "key": "api_servers"}],
	}}
}

_ks_vhost(port, extra) := {"kind": "httpd", "path": "ctl/etc/apache2/sites-enabled/keystone.conf", "node": "ctl", "directives": array.concat([
	{"line": 1, "name": "Listen", "args": [port], "block": ""},
	{"line": 3, "name": "<VirtualHost", "args": [sprintf("*:%s", [port])], "block": ""},
	{"line": 4, "name": "WSGIScriptAlias", "args": ["/", "/usr/bin/keystone-wsgi-public"], "block": sprintf("VirtualHost *:%s", [port])},
], extra)}

_keystone(port, extra) := fx.node("ctl", ["keystone"], [
	fx.file("ctl", "keystone.conf", "etc/keystone/keystone.conf", {}),
	_ks_vhost(port, extra),
])

_ks_client := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"auth_url": {
	"value": "http://ctl:5000", "line": 7, "column": 1,
	"url": {"scheme": "http", "hosts": [{"host": "ctl", "port": 5000, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

test_keystone_vhost_port if {
	r := rule.report with input as fx.deployment([_keystone("5000", []), _ks_client])
	r == set()
}

test_keystone_vhost_other_port if {
	r := rule.report with input as fx.deployment([_keystone("5001", []), _ks_client])
	r == {{
		"message": "keystone on ctl is served by httpd on port 5001 (ctl/etc/apache2/sites-enabled/keystone.conf:3), but nova.conf [keystone_authtoken] auth_url on c1 reach it on port 5000: the connection is refused",
		"locations": [
			{"path": "ctl/etc/apache2/sites-enabled/keystone.conf", "node": "ctl", "line": 3, "column": 1},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 7, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
		],
	}}
}

# devstack proxies /identity to uwsgi outside any vhost: keystone is served
# under /identity on every port httpd listens on (80 here), not elsewhere.
_devstack_proxy := [
	{"line": 8, "name": "Listen", "args": ["80"], "block": ""},
	{"line": 9, "name": "ProxyPass", "args": ["/identity", "unix:/var/run/uwsgi/keystone-wsgi-public.socket|uwsgi://uwsgi-uds-keystone-wsgi-public"], "block": ""},
]

_identity_client(port, path) := fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"auth_url": {
	"value": sprintf("http://ctl:%d%s", [port, path]), "line": 7, "column": 1,
	"url": {"scheme": "http", "path": path, "hosts": [{"host": "ctl", "port": port, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
}}})])

test_keystone_proxied_outside_vhost if {
	r := rule.report with input as fx.deployment([_keystone("5001", _devstack_proxy), _identity_client(80, "/identity/v3")])
	r == set()
}

test_keystone_proxied_path_only if {
	r := rule.report with input as fx.deployment([_keystone("5001", _devstack_proxy), _identity_client(5000, "/v3")])
	count(r) == 1
}

test_keystone_proxied_port_not_listened if {
	r := rule.report with input as fx.deployment([_keystone("5001", _devstack_proxy), _identity_client(8080, "/identity")])
	count(r) == 1
}

# One reference of many on another port is drift (SL-EP-001 reports it).
test_keystone_minority_is_drift if {
	typo := fx.node("c2", [], [fx.file("c2", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"auth_url": {
		"value": "http://ctl:5001", "line": 7, "column": 1,
		"url": {"scheme": "http", "hosts": [{"host": "ctl", "port": 5001, "resolved": ["10.0.0.11"], "reaches": "ctl"}]},
	}}})])
	r := rule.report with input as fx.deployment([_keystone("5000", []), _ks_client, typo])
	r == set()
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		fx.deployment([_glance("9292"), _client(9191)]),
		fx.deployment([_keystone("5001", []), _ks_client]),
		fx.deployment([_keystone("5001", _devstack_proxy), _identity_client(5000, "/v3")]),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
