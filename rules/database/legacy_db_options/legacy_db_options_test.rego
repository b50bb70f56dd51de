package stacklint.rules.database.legacy_db_options_test

import data.stacklint.fixtures as fx
import data.stacklint.fixtures.passes
import data.stacklint.rules.database.legacy_db_options as rule

_nova(sections) := fx.file("c", "nova.conf", "etc/nova/nova.conf", sections)

_placement := fx.file("c", "placement.conf", "etc/placement/placement.conf", {"placement_database": {"connection": "x"}})

test_current_names if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova({"database": {"connection": "x"}, "placement_database": {"connection": "y"}})])])
	r == set()
}

test_nova_placement_database_with_placement_service if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova({"placement_database": {"connection": "y"}}), _placement])])
	r == {{
		"message": "nova.conf [placement_database] connection on c is not read: placement runs as its own service here and reads placement.conf [placement_database]",
		"locations": [fx.loc(_nova({}), "placement_database", "connection", 1)],
	}}
}

test_sql_connection_shadowed if {
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova({"DEFAULT": {"sql_connection": "a"}, "database": {"connection": "x"}})])])
	r == {{
		"message": "nova.conf [DEFAULT] sql_connection on c is a pre-Havana name for [database] connection; [database] connection is set too and wins",
		"locations": [fx.loc(_nova({}), "DEFAULT", "sql_connection", 1)],
	}}
}

# [database] connection in a nova.conf.d drop-in read after nova.conf wins
# over nova.conf's old name.
test_sql_connection_shadowed_by_drop_in if {
	drop_in := fx.file("c", "nova.conf.d", "etc/nova/nova.conf.d/10-db.conf", {"database": {"connection": "x"}})
	r := rule.report with input as fx.deployment([fx.node("c", [], [_nova({"DEFAULT": {"sql_connection": "a"}}), drop_in])])
	r == {{
		"message": "nova.conf [DEFAULT] sql_connection on c is a pre-Havana name for [database] connection; [database] connection is set too and wins (c/etc/nova/nova.conf.d/10-db.conf)",
		"locations": [fx.loc(_nova({}), "DEFAULT", "sql_connection", 1)],
	}}
}

# The engine's two passes: placement.conf is on node p, nova.conf's
# [placement_database] on node c; each part alone gives no finding.
test_two_passes if {
	placement := fx.file("p", "placement.conf", "etc/placement/placement.conf", {"placement_database": {"connection": "x"}})
	every d in [
		fx.deployment([fx.node("c", [], [_nova({"placement_database": {"connection": "y"}})]), fx.node("p", [], [placement])]),
		fx.deployment([fx.node("c", [], [_nova({"DEFAULT": {"sql_connection": "a"}, "placement_database": {"connection": "y"}})]), fx.node("p", [], [placement])]),
	] {
		recs := {x | some p in passes.parts(d); some x in rule.aggregate with input as p}
		r := rule.report with input as passes.fleet(d) with rule.aggregate as recs
		count(r) > 0
		r == rule.report with input as d
	}
}
