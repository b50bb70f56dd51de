package stacklint.rules.keystone.admin_vhost_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.keystone.admin_vhost as rule

_d(port) := fx.deployment([fx.node("c", ["keystone"], [
	fx.file("c", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"}}),
	{"kind": "httpd", "path": "c/etc/httpd/conf.d/wsgi-keystone.conf", "node": "c", "directives": [{"line": 2, "name": "Listen", "args": [port], "block": ""}]},
])])

test_public_only if {
	r := rule.report with input as _d("5000")
	r == set()
}

test_admin_port if {
	r := rule.report with input as _d("35357")
	r == {{
		"message": "c/etc/httpd/conf.d/wsgi-keystone.conf still has Listen 35357: keystone's admin port is unneeded since Queens",
		"locations": [{"path": "c/etc/httpd/conf.d/wsgi-keystone.conf", "node": "c", "line": 2, "column": 1}],
	}}
}
