package stacklint.rules.placement.vhost_access_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.placement.vhost_access as rule

_vhost(extra) := {"kind": "httpd", "path": "c/etc/httpd/conf.d/00-placement-api.conf", "node": "c", "directives": array.concat(
	[
		{"line": 2, "name": "<VirtualHost", "args": ["*:8778"], "block": ""},
		{"line": 3, "name": "WSGIScriptAlias", "args": ["/", "/usr/bin/placement-api"], "block": "VirtualHost *:8778"},
	],
	extra,
)}

_d(extra) := fx.deployment([fx.node("c", ["placement-api"], [_vhost(extra)])])

test_granted if {
	r := rule.report with input as _d([
		{"line": 4, "name": "<Directory", "args": ["/usr/bin"], "block": "VirtualHost *:8778"},
		{"line": 5, "name": "Require", "args": ["all", "granted"], "block": "Directory /usr/bin"},
	])
	r == set()
}

test_missing if {
	r := rule.report with input as _d([])
	r == {{
		"message": "c/etc/httpd/conf.d/00-placement-api.conf serves placement from /usr/bin/placement-api, but no <Directory /usr/bin> grants access (Require all granted): every placement request gets 403",
		"locations": [{"path": "c/etc/httpd/conf.d/00-placement-api.conf", "node": "c", "line": 3, "column": 1}],
	}}
}
