package stacklint.rules.database.bind_address_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.database.bind_address as rule

_db(bind) := fx.node("db", [], [{"kind": "my.cnf", "path": "db/etc/my.cnf.d/openstack.cnf", "node": "db", "directives": [{"line": 2, "name": "bind-address", "args": [bind], "block": "mysqld"}]}])

_client := fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"database": {"connection": {
	"value": "(url)", "line": 5, "column": 1,
	"url": {"driver": "mysql", "hosts": [{"host": "db", "port": 3306, "resolved": ["10.0.0.11"], "reaches": "db"}]},
}}})])

test_management_address if {
	r := rule.report with input as fx.deployment([_db("10.0.0.11"), _client])
	r == set()
}

test_loopback_only if {
	r := rule.report with input as fx.deployment([_db("127.0.0.1"), _client])
	r == {{
		"message": "MariaDB on db binds 127.0.0.1 (db/etc/my.cnf.d/openstack.cnf), but nova.conf [database] connection on c reach it at 10.0.0.11: those services cannot connect",
		"locations": [
			{"path": "db/etc/my.cnf.d/openstack.cnf", "node": "db", "line": 2, "column": 1},
			{"path": "c/etc/nova/nova.conf", "node": "c", "line": 5, "column": 1, "section": "database", "key": "connection"},
		],
	}}
}

# The engine's two passes: the bind address is on node db, the client
# that misses it on node c; each part alone gives no finding.
test_two_passes if {
	every d in [
		fx.deployment([_db("127.0.0.1"), _client]),
		fx.deployment([_db("10.0.0.12"), _client]),
	] {
		recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
		r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
		count(r) > 0
		r == rule.report with input as d
	}
}
