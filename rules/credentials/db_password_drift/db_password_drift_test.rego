package stacklint.rules.credentials.db_password_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.partfixtures as parts
import data.stacklint.rules.credentials.db_password_drift as rule

_url(user, fp, db, line) := {"value": "mysql+pymysql://x", "line": line, "column": 1, "url": {
	"driver": "mysql", "database": db,
	"hosts": [{"host": "controller", "port": 3306, "user": user, "password_fp": fp, "resolved": ["10.0.0.11"]}],
}}

_nova(api_fp, db_fp) := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {
	"api_database": {"connection": _url("nova", api_fp, "nova_api", 6)},
	"database": {"connection": _url("nova", db_fp, "nova", 9)},
})

_input(f) := object.union(fx.deployment([fx.node("ctl", [], [f])]), {"owners": {"10.0.0.11": "ctl"}})

test_same_password if {
	r := rule.report with input as _input(_nova("aaaaaa", "aaaaaa"))
	r == set()
}

test_api_database_differs if {
	f := _nova("aaaaaa", "bbbbbb")
	r := rule.report with input as _input(f)
	r == {{
		"message": "database user 'nova' on ctl:3306: nova.conf [database] connection on ctl (fp:bbbbbb) differs from nova.conf [api_database] connection on ctl (fp:aaaaaa); no URL of the owning service on a node running its API in the snapshot: compared with the first by path, as no two agree, 1 of 2; the side the server does not know cannot connect",
		"locations": [fx.loc(f, "database", "connection", 9), fx.loc(f, "api_database", "connection", 6)],
	}}
}

test_different_users_are_not_compared if {
	f := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {
		"api_database": {"connection": _url("nova_api", "aaaaaa", "nova_api", 6)},
		"database": {"connection": _url("nova", "bbbbbb", "nova", 9)},
	})
	r := rule.report with input as _input(f)
	r == set()
}

_on(node, fp) := fx.file(node, "nova.conf", "etc/nova/nova.conf", {"database": {"connection": _url("nova", fp, "nova", 9)}})

_fleet(fps) := object.union(fx.deployment([fx.node(n, roles, [_on(n, fp)]) | some [n, roles, fp] in fps]), {"owners": {"10.0.0.11": "ctl"}})

# The compute nodes' stale copies are the majority; nova-api's URL wins.
test_api_node_is_the_authority if {
	r := rule.report with input as _fleet([["ctl", ["nova-api"], "aaaaaa"], ["c1", [], "bbbbbb"], ["c2", [], "bbbbbb"]])
	r == {
		{
			"message": "database user 'nova' on ctl:3306: nova.conf [database] connection on c1 (fp:bbbbbb) differs from nova.conf [database] connection on ctl (fp:aaaaaa), the URL of the service on a node running nova-api; the side the server does not know cannot connect",
			"locations": [fx.loc(_on("c1", ""), "database", "connection", 9), fx.loc(_on("ctl", ""), "database", "connection", 9)],
		},
		{
			"message": "database user 'nova' on ctl:3306: nova.conf [database] connection on c2 (fp:bbbbbb) differs from nova.conf [database] connection on ctl (fp:aaaaaa), the URL of the service on a node running nova-api; the side the server does not know cannot connect",
			"locations": [fx.loc(_on("c2", ""), "database", "connection", 9), fx.loc(_on("ctl", ""), "database", "connection", 9)],
		},
	}
}

# nova_api and nova URLs of the API node tie: neither is the authority.
test_api_urls_tie if {
	f := _nova("aaaaaa", "bbbbbb")
	r := rule.report with input as object.union(fx.deployment([fx.node("ctl", ["nova-api"], [f])]), {"owners": {"10.0.0.11": "ctl"}})
	r == {{
		"message": "database user 'nova' on ctl:3306: the owning services' own URLs carry different passwords (nova.conf [api_database] connection on ctl: fp:aaaaaa, nova.conf [database] connection on ctl: fp:bbbbbb): the server holds one, the others cannot connect",
		"locations": [fx.loc(f, "api_database", "connection", 6), fx.loc(f, "database", "connection", 9)],
	}}
}

# Each node is a part of its own: nova-api's URL is the authority for the
# compute nodes' copies, from records.
test_two_passes if {
	d := _fleet([["ctl", ["nova-api"], "aaaaaa"], ["c1", [], "bbbbbb"], ["c2", [], "bbbbbb"], ["c3", [], "aaaaaa"]])
	whole := rule.report with input as d
	count(whole) == 2
	_two_passes(d) == whole
}

# _two_passes is the report as the engine's two passes give it, one node
# per part: each part's aggregate, the report over no nodes.
_two_passes(d) := r if {
	recs := {x | some p in parts.parts(d); some x in _records(p)}
	r := rule.report with rule.aggregate as recs with input as parts.fleet(d)
}

_records(p) := a if a := rule.aggregate with input as p
