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

# A grant inside another file's <VirtualHost *:8778> is another vhost's.
test_grant_in_other_files_vhost if {
	other := {"kind": "httpd", "path": "c/etc/httpd/conf.d/10-other.conf", "node": "c", "directives": [
		{"line": 1, "name": "<VirtualHost", "args": ["*:8778"], "block": ""},
		{"line": 2, "name": "<Directory", "args": ["/usr/bin"], "block": "VirtualHost *:8778"},
		{"line": 3, "name": "Require", "args": ["all", "granted"], "block": "Directory /usr/bin"},
	]}
	r := rule.report with input as fx.deployment([fx.node("c", ["placement-api"], [_vhost([]), other])])
	count(r) == 1
}

# A top-level grant in any httpd file applies to every vhost.
test_top_level_grant_elsewhere if {
	other := {"kind": "httpd", "path": "c/etc/httpd/conf/httpd.conf", "node": "c", "directives": [
		{"line": 1, "name": "<Directory", "args": ["/usr/bin/"], "block": ""},
		{"line": 2, "name": "Require", "args": ["all", "granted"], "block": "Directory /usr/bin/"},
	]}
	r := rule.report with input as fx.deployment([fx.node("c", ["placement-api"], [_vhost([]), other])])
	r == set()
}
