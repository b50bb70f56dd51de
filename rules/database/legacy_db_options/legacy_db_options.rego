# METADATA
# title: Database option that this deployment no longer reads
# description: |
#   Two database settings outlive the code that read them. nova.conf
#   [placement_database] was read by nova's in-tree placement until it moved
#   to its own service (Stein; deleted in nova 20.0.0): once placement.conf
#   exists, placement reads its database from there. [DEFAULT]
#   sql_connection and [sql] connection are pre-Havana names oslo.db still
#   maps to [database] connection; when both are set, [database] connection
#   wins and the old one is dead text that misleads the next reader.
#   [database] connection is read in effect across the files loaded with
#   the old name's file (dist file, main file, config-dir): set in a file
#   read later (a nova.conf.d drop-in) it wins too.
# custom:
#   id: SL-DB-006
#   scope: aggregate
#   severity: info
#   inputs: [config]
#   remediation: |
#     Delete the stale option; keep the connection in [database]
#     connection, and placement's in placement.conf [placement_database].
package stacklint.rules.database.legacy_db_options

import data.stacklint.lib

# aggregate: a node that has a placement.conf ({"placement": true}), each
# nova file's [placement_database] connection ({"placement_database":
# {where, loc}}) and each pre-Havana name's finding, which depends on its
# node alone ({"finding": finding}). The report reads nova's
# [placement_database] as dead when any node runs placement.
aggregate contains {"placement": true} if count(lib.files("placement.conf")) > 0

aggregate contains {"placement_database": {"where": lib.where(f, "placement_database", "connection"), "loc": lib.loc(f, "placement_database", "connection", occ)}} if {
	some [f, "placement_database", "connection", occ] in lib.keyed(["connection"])
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
}

aggregate contains {"finding": finding} if some finding in _legacy

report contains finding if {
	{"placement": true} in aggregate
	some r in aggregate
	p := r.placement_database
	finding := {
		"message": sprintf("%s is not read: placement runs as its own service here and reads placement.conf [placement_database]", [p.where]),
		"locations": [p.loc],
	}
}

report contains r.finding if some r in aggregate

_legacy contains finding if {
	some [f, section, key, occ] in lib.keyed(["sql_connection", "connection"])
	[section, key] in {["DEFAULT", "sql_connection"], ["sql", "connection"], ["database", "sql_connection"]}
	finding := {
		"message": sprintf("%s is a pre-Havana name for [database] connection%s", [lib.where(f, section, key), _shadowed(f)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

_shadowed(f) := sprintf("; [database] connection is set too and wins%s", [_in(g, f)]) if {
	some main, kinds in lib.layers
	f.kind in kinds
	[g, _] := lib.effective(input.nodes[f.node], [main], "database", "connection")
	_not_before(g, f, kinds)
} else := "; [database] connection is set too and wins" if lib.has(f, "database", "connection")

else := "; move it there"

# _not_before: file g is f, or read after it among a main file's layers.
_not_before(g, f, _) if g.path == f.path

_not_before(g, f, kinds) if [_index(kinds, g.kind), g.path] > [_index(kinds, f.kind), f.path]

_index(kinds, kind) := i if kinds[i] == kind

_in(g, f) := "" if g.path == f.path

else := sprintf(" (%s)", [g.path])
