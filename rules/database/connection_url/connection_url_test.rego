package stacklint.rules.database.connection_url_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.database.connection_url as rule

_input(v) := fx.deployment([fx.node("c", [], [fx.file("c", "nova.conf", "etc/nova/nova.conf", {"database": {"connection": v}})])])

_url(db) := {"value": "(url)", "line": 1, "column": 1, "url": {"driver": "mysql", "database": db}}

test_good_url if {
	r := rule.report with input as _input(_url("nova"))
	r == set()
}

test_no_database if {
	r := rule.report with input as _input(_url(""))
	r == {{
		"message": "nova.conf [database] connection on c names no database after the host: the service cannot reach its database",
		"locations": [{"path": "c/etc/nova/nova.conf", "node": "c", "line": 1, "column": 1, "section": "database", "key": "connection"}],
	}}
}

test_not_url if {
	r := rule.report with input as _input("controller/nova")
	count(r) == 1
}

test_placeholder_left_to_hyg001 if {
	r := rule.report with input as _input({"value": "NOVA_DBPASS", "line": 1, "column": 1, "placeholders": ["NOVA_DBPASS"]})
	r == set()
}
