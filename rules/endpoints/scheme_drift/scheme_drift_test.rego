package stacklint.rules.endpoints.scheme_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.endpoints.scheme_drift as rule

_f(node, kind, scheme) := fx.node(node, [], [fx.file(node, kind, sprintf("etc/%s", [kind]), {"keystone_authtoken": {"auth_url": fx.url(scheme, "ctl", 5000, "/v3", ["10.0.0.11"], 2)}})])

test_same if {
	r := rule.report with input as fx.deployment([_f("a", "nova.conf", "https"), _f("b", "nova.conf", "https")])
	r == set()
}

test_mixed if {
	r := rule.report with input as fx.deployment([_f("a", "nova.conf", "https"), _f("b", "nova.conf", "https"), _f("c", "neutron.conf", "http")])
	r == {{
		"message": "neutron.conf [keystone_authtoken] auth_url on c reaches 10.0.0.11:5000 over http, but nova.conf [keystone_authtoken] auth_url on a uses https (the listener is not in the snapshot: compared with the majority, 2 of 3): one of them cannot talk to the listener",
		"locations": [
			{"path": "c/etc/neutron.conf", "node": "c", "line": 2, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
			{"path": "a/etc/nova.conf", "node": "a", "line": 2, "column": 1, "section": "keystone_authtoken", "key": "auth_url"},
		],
	}}
}

# References to ctl (its address is ctl's), where httpd has a vhost on 5000.
_g(node, scheme) := fx.node(node, [], [fx.file(node, "nova.conf", "etc/nova.conf", {"keystone_authtoken": {"auth_url": fx.url(scheme, "ctl", 5000, "/v3", ["10.0.0.11"], 2)}})])

_vhost(tls) := {"kind": "httpd", "path": "ctl/etc/httpd/conf.d/wsgi-keystone.conf", "node": "ctl", "directives": array.concat(
	[{"line": 3, "name": "<VirtualHost", "args": ["*:5000"], "block": ""}],
	[{"line": 4, "name": "SSLEngine", "args": ["on"], "block": "VirtualHost *:5000", "blocks": ["VirtualHost *:5000"]} | some _ in tls],
)}

_with_vhost(tls, nodes) := object.union(fx.deployment(array.concat([fx.node("ctl", ["keystone"], [_vhost(tls)])], nodes)), {"owners": {"10.0.0.11": "ctl"}})

# The vhost speaks plain http: the two https references are wrong, though
# they are the majority.
test_vhost_is_the_authority if {
	r := rule.report with input as _with_vhost([], [_g("a", "https"), _g("b", "https"), _g("c", "http")])
	r == {
		{
			"message": "nova.conf [keystone_authtoken] auth_url on a reaches ctl:5000 over https, but httpd there speaks http on that port (its <VirtualHost> at ctl/etc/httpd/conf.d/wsgi-keystone.conf:3 has no SSLEngine on): the connection fails",
			"locations": [fx.loc(_f("a", "nova.conf", "").files["a/etc/nova.conf"], "keystone_authtoken", "auth_url", 2), {"path": "ctl/etc/httpd/conf.d/wsgi-keystone.conf", "node": "ctl", "line": 3, "column": 1}],
		},
		{
			"message": "nova.conf [keystone_authtoken] auth_url on b reaches ctl:5000 over https, but httpd there speaks http on that port (its <VirtualHost> at ctl/etc/httpd/conf.d/wsgi-keystone.conf:3 has no SSLEngine on): the connection fails",
			"locations": [fx.loc(_f("b", "nova.conf", "").files["b/etc/nova.conf"], "keystone_authtoken", "auth_url", 2), {"path": "ctl/etc/httpd/conf.d/wsgi-keystone.conf", "node": "ctl", "line": 3, "column": 1}],
		},
	}
}

# Every reference agrees, but not with the listener.
test_all_agree_against_the_vhost if {
	r := rule.report with input as _with_vhost([true], [_g("a", "http"), _g("b", "http")])
	count(r) == 2
	every f in r {
		contains(f.message, "but httpd there speaks https on that port (its <VirtualHost> at ctl/etc/httpd/conf.d/wsgi-keystone.conf:3 has SSLEngine on)")
	}
}

test_vhost_agrees if {
	r := rule.report with input as _with_vhost([true], [_g("a", "https"), _g("b", "https")])
	r == set()
}

test_no_vhost_for_the_port if {
	d := object.union(fx.deployment([fx.node("ctl", [], []), _g("a", "https"), _g("b", "https"), _g("c", "http")]), {"owners": {"10.0.0.11": "ctl"}})
	r := rule.report with input as d
	some f in r
	contains(f.message, "(no httpd <VirtualHost> for that port in the snapshot: compared with the majority, 2 of 3)")
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [
		fx.deployment([_f("a", "nova.conf", "https"), _f("b", "nova.conf", "https"), _f("c", "neutron.conf", "http")]),
		_with_vhost([], [_g("a", "https"), _g("b", "https"), _g("c", "http")]),
		_with_vhost([true], [_g("a", "http"), _g("b", "http")]),
		object.union(fx.deployment([fx.node("ctl", [], []), _g("a", "https"), _g("b", "https"), _g("c", "http")]), {"owners": {"10.0.0.11": "ctl"}}),
	] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
