package stacklint.rules.placement.vhost_target_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.placement.vhost_target as rule

_vhost(node, port, script) := {"kind": "httpd", "path": sprintf("%s/etc/httpd/conf.d/00-placement-api.conf", [node]), "node": node, "directives": [
	{"line": 1, "name": "Listen", "args": [port], "block": ""},
	{"line": 3, "name": "<VirtualHost", "args": [sprintf("*:%s", [port])], "block": ""},
	{"line": 4, "name": "WSGIProcessGroup", "args": ["placement-api"], "block": sprintf("VirtualHost *:%s", [port])},
	{"line": 5, "name": "WSGIScriptAlias", "args": ["/", script], "block": sprintf("VirtualHost *:%s", [port])},
]}

_node(name, port, script) := fx.node(name, ["placement-api"], [_vhost(name, port, script)])

_deployment(series, ports) := fx.released(
	fx.deployment([_node(sprintf("c%d", [i]), p, "/usr/bin/placement-api") | some i, p in ports]),
	series, "--release",
)

test_same_port_old_release if {
	r := rule.report with input as _deployment("2025.1", ["8778", "8778", "8778"])
	r == set()
}

test_script_removed if {
	r := rule.report with input as _deployment("2026.2", ["8778"])
	r == {{
		"message": "c0/etc/httpd/conf.d/00-placement-api.conf:5 aliases /usr/bin/placement-api, which placement 15.0.0 (2026.1) no longer ships; the release checked against is 2026.2 (from --release): placement answers 404 or httpd fails to load the vhost",
		"locations": [{"path": "c0/etc/httpd/conf.d/00-placement-api.conf", "node": "c0", "line": 5, "column": 1}],
	}}
}

test_module_wsgi_file if {
	d := fx.released_as(fx.deployment([_node("c0", "8778", "/var/www/placement/placement.wsgi")]), "2026.2", "2026.2", "--release")
	r := rule.report with input as d
	r == set()
}

test_port_drift if {
	r := rule.report with input as _deployment("", ["8778", "8780", "8778"])
	r == {{
		"message": "placement on c1 is served on port 8780 (c1/etc/httpd/conf.d/00-placement-api.conf:3), but on 8778 (c0/etc/httpd/conf.d/00-placement-api.conf on c0; placement nodes are peers, none is the authority: compared with the majority, 2 of 3): clients of the one endpoint miss this node",
		"locations": [
			{"path": "c1/etc/httpd/conf.d/00-placement-api.conf", "node": "c1", "line": 3, "column": 1},
			{"path": "c0/etc/httpd/conf.d/00-placement-api.conf", "node": "c0", "line": 3, "column": 1},
		],
	}}
}

# The two passes: each node's records alone, the report over their union
# with no nodes, give the findings one pass gives.
_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	every d in [_deployment("2026.2", ["8778"]), _deployment("", ["8778", "8780", "8778"])] {
		r := _two_pass(d)
		count(r) > 0
		r == rule.report with input as d
	}
}
