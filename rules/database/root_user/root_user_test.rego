package stacklint.rules.database.root_user_test

import data.stacklint.fixtures as fx
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
		"message": "nova.conf [database] connection on n connects as the database administrator 'root': a leak of this file or service exposes every database",
		"locations": [{"path": "n/etc/nova/nova.conf", "node": "n", "line": 9, "column": 1, "section": "database", "key": "connection"}],
	}}
}
