package stacklint.rules.credentials.needless_db_credentials_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.credentials.needless_db_credentials as rule

_queens := fx.node("ctl", ["nova-api"], [fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {
	"keystone_authtoken": {"www_authenticate_uri": "http://ctl:5000"},
	"database": {"connection": _url},
})])

_url := {"value": "(url)", "line": 1, "column": 1, "url": {"driver": "mysql", "hosts": [{"user": "nova", "password_fp": "abc"}]}}

_sqlite := {"value": "sqlite:////var/lib/nova/nova.sqlite", "line": 1, "column": 1, "url": {"driver": "sqlite", "hosts": []}}

test_packaged_sqlite if {
	r := rule.report with input as fx.deployment([_queens, _cmp({"database": {"connection": _sqlite}})])
	r == set()
}

_cmp(sections) := fx.node("c1", ["nova-compute"], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", sections)])

test_controller_only if {
	r := rule.report with input as fx.deployment([_queens, _cmp({})])
	r == set()
}

test_compute_db if {
	r := rule.report with input as fx.deployment([_queens, _cmp({"database": {"connection": _url}})])
	r == {{
		"message": "nova.conf [database] connection on c1 holds database credentials, but c1 runs no nova-api: nova-compute reaches the database through nova-conductor, so the password only widens exposure",
		"locations": [{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "database", "key": "connection"}],
	}}
}

# The two passes: the Queens-era option on one node (ctl), the compute's
# connection on another (c1); each node's records alone, the report over
# their union with no nodes, give the findings one pass gives.
_split := fx.deployment([_queens, _cmp({"database": {"connection": _url}, "api_database": {"connection": _url}})])

_two_pass(d) := r if {
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
}

test_two_passes if {
	r := _two_pass(_split)
	count(r) == 2
	r == rule.report with input as _split
}
