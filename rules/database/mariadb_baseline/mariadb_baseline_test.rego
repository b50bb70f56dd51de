package stacklint.rules.database.mariadb_baseline_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.database.mariadb_baseline as rule

_d(v) := fx.deployment([fx.node("c", [], [{"kind": "my.cnf", "path": "c/etc/my.cnf.d/openstack.cnf", "node": "c", "directives": [{"line": 4, "name": "max_connections", "args": [v], "block": "mysqld"}]}])])

test_guide if {
	r := rule.report with input as _d("4096")
	r == set()
}

test_low if {
	r := rule.report with input as _d("151")
	r == {{
		"message": "c/etc/my.cnf.d/openstack.cnf sets max_connections = 151, below the guide's 4096: services run out of database connections under load",
		"locations": [{"path": "c/etc/my.cnf.d/openstack.cnf", "node": "c", "line": 4, "column": 1}],
	}}
}
