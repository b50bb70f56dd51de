package stacklint.rules.endpoints.vhost_listen_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.endpoints.vhost_listen as rule

_main := {"kind": "httpd", "path": "c/etc/httpd/conf/httpd.conf", "node": "c", "directives": [{"line": 1, "name": "Listen", "args": ["80"], "block": ""}]}

_vhost(listen) := {"kind": "httpd", "path": "c/etc/httpd/conf.d/wsgi-keystone.conf", "node": "c", "directives": array.concat(
	[{"line": 1, "name": "Listen", "args": [p], "block": ""} | some p in listen],
	[{"line": 3, "name": "<VirtualHost", "args": ["*:5000"], "block": ""}],
)}

test_listen if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_main, _vhost(["5000"])])])
	r == set()
}

test_no_main_config if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_vhost([])])])
	r == set()
}

test_missing_listen if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_main, _vhost([])])])
	r == {{
		"message": "c/etc/httpd/conf.d/wsgi-keystone.conf defines <VirtualHost *:5000>, but no httpd file on c has Listen 5000: the port is closed",
		"locations": [{"path": "c/etc/httpd/conf.d/wsgi-keystone.conf", "node": "c", "line": 3, "column": 1}],
	}}
}
