package stacklint.rules.keystone.admin_vhost_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
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

# The two passes: the Queens-era option on one node (cmp), the vhost on
# another (c); each node's records alone, the report over their union with
# no nodes, give the findings one pass gives.
_split := fx.deployment([
	fx.node("c", ["keystone"], [{"kind": "httpd", "path": "c/etc/httpd/conf.d/wsgi-keystone.conf", "node": "c", "directives": [{"line": 2, "name": "<VirtualHost", "args": ["*:35357"], "block": ""}]}]),
	fx.node("cmp", [], [fx.file("cmp", "nova.conf", "etc/nova/nova.conf", {"keystone_authtoken": {"www_authenticate_uri": "http://c:5000"}})]),
])

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split)
	count(r) == 1
	r == rule.report with input as _split
}
