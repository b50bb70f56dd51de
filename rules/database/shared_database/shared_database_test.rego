package stacklint.rules.database.shared_database_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.database.shared_database as rule

_url(db, line) := {"value": "mysql://x", "line": line, "column": 1, "url": {"driver": "mysql", "database": db, "hosts": [{"host": "controller", "port": 3306, "resolved": ["10.0.0.11"]}]}}

_input(api, cell) := fx.deployment([fx.node("n", [], [fx.file("n", "nova.conf", "etc/nova/nova.conf", {"api_database": {"connection": _url(api, 7)}, "database": {"connection": _url(cell, 10)}})])])

test_two_databases if {
	r := rule.report with input as _input("nova_api", "nova")
	r == set()
}

test_same_database if {
	r := rule.report with input as _input("nova", "nova")
	r == {{
		"message": "nova.conf [api_database] connection on n and [database] connection both use database 'nova' on controller: nova's API and cell schemas collide",
		"locations": [
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 7, "column": 1, "section": "api_database", "key": "connection"},
			{"path": "n/etc/nova/nova.conf", "node": "n", "line": 10, "column": 1, "section": "database", "key": "connection"},
		],
	}}
}
