package stacklint.rules.database.root_user_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.database.root_user as rule

_input(user) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"database": {"connection": {
	"value": "mysql+pymysql://x", "line": 9, "column": 1,
	"url": {"driver": "mysql", "hosts": [{"host": "controller", "user": user}]},
}}})])])

test_service_user if {
	r := rule.report with input as _input("nova")
	r == set()
}

test_root if {
	r := rule.report with input as _input("root")
	r == {{
		"message": "a database connection logs in as the database administrator 'root' (nova.conf [database] connection on n): a leak of any of these files or services exposes every database",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 9, "column": 1, "section": "database", "key": "connection"}],
	}}
}

_url(user, line) := {"value": "mysql+pymysql://x", "line": line, "column": 1, "url": {"driver": "mysql", "hosts": [{"host": "controller", "user": user}]}}

test_one_finding_per_administrator if {
	inp := fx.deployment([fx.node("n", [], [
		fx.file("n", "nova.conf", "etc/nova/nova.conf", {"database": {"connection": _url("root", 9)}, "api_database": {"connection": _url("root", 4)}}),
		fx.file("n", "neutron.conf", "etc/neutron/neutron.conf", {"database": {"connection": _url("postgres", 7)}}),
		fx.file("n", "glance-api.conf", "etc/glance/glance-api.conf", {"database": {"connection": _url("glance", 3)}}),
	])])
	r := rule.report with input as inp
	count(r) == 2
	some f in r
	f.message == "2 database connections log in as the database administrator 'root' (nova.conf [api_database] connection on n, nova.conf [database] connection on n): a leak of any of these files or services exposes every database"
	[l.line | some l in f.locations] == [4, 9]
}

# The engine's two passes: root connections on nodes n and m are one
# finding; each part alone gives one connection.
test_two_passes if {
	d := fx.deployment([
		fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"database": {"connection": _url("root", 9)}})]),
		fx.node("m", [], [fx.file("m", "neutron.conf", "etc/neutron/neutron.conf", {"database": {"connection": _url("root", 4)}})]),
	])
	recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
	r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
	count(r) == 1
	r == rule.report with input as d
	some f in r
	startswith(f.message, "2 database connections")
}
