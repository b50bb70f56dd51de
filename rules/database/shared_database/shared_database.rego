# METADATA
# title: nova [api_database] and [database] use the same database
# description: |
#   nova keeps two schemas: the API database (nova_api: flavors, cell
#   mappings, request specs) and the cell database (nova: instances).
#   When [api_database] connection and [database] connection name the
#   same database on the same server, nova-manage db sync and api_db sync
#   write both schemas into one database and the services break.
# custom:
#   id: SL-DB-002
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Point [api_database] at nova_api and [database] at nova (two
#     databases), as the install guide creates them.
package stacklint.rules.database.shared_database

import data.stacklint.lib

report contains finding if {
	some [_, f] in array.concat(array.concat(lib.files("nova.conf"), lib.files("nova-compute.conf")), lib.files("nova-cpu.conf"))
	api := lib.last(f, "api_database", "connection")
	cell := lib.last(f, "database", "connection")
	_target(api.url) == _target(cell.url)
	finding := {
		"message": sprintf("%s and [database] connection both use database '%s' on %s: nova's API and cell schemas collide", [lib.where(f, "api_database", "connection"), api.url.database, api.url.hosts[0].host]),
		"locations": [lib.loc(f, "api_database", "connection", api), lib.loc(f, "database", "connection", cell)],
	}
}

_target(u) := [lib.ident(u.hosts[0]), u.hosts[0].port, u.database]
