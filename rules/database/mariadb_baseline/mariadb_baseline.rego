# METADATA
# title: MariaDB below the install guide's baseline
# description: |
#   For the record: the install guide's openstack.cnf sets
#   max_connections = 4096, innodb_file_per_table = on and
#   character-set-server = utf8. Every API and conductor worker of every
#   service holds connection-pool slots, so the packaged default (151)
#   runs out early ("Too many connections"), and without
#   innodb_file_per_table dropped tables never give their space back.
# custom:
#   id: SL-DB-005
#   scope: node
#   severity: info
#   inputs: [my.cnf]
#   remediation: |
#     In the [mysqld] section of /etc/my.cnf.d/openstack.cnf (or
#     mariadb.conf.d/99-openstack.cnf) set max_connections = 4096 and
#     innodb_file_per_table = on, then restart MariaDB.
package stacklint.rules.database.mariadb_baseline

import data.stacklint.lib.host

_server(d) if d.block in {"mysqld", "mariadb", "server", "galera"}

_name(d) := replace(lower(d.name), "-", "_")

report contains finding if {
	some [f, d] in host.directives("my.cnf")
	_server(d)
	_name(d) == "max_connections"
	n := to_number(d.args[0])
	n < 4096
	finding := {
		"message": sprintf("%s sets max_connections = %s, below the guide's 4096: services run out of database connections under load", [f.path, d.args[0]]),
		"locations": [host.dloc(f, d)],
	}
}

report contains finding if {
	some [f, d] in host.directives("my.cnf")
	_server(d)
	_name(d) == "innodb_file_per_table"
	lower(d.args[0]) in {"0", "off", "false"}
	finding := {
		"message": sprintf("%s turns innodb_file_per_table off: space of dropped tables is never returned", [f.path]),
		"locations": [host.dloc(f, d)],
	}
}
