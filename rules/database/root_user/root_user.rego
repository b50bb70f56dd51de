# METADATA
# title: A service connects to its database as root
# description: |
#   Each service should own a database user limited to its own schema
#   (nova, nova_api, neutron, ...). A connection URL with root (or the
#   MariaDB admin account) gives any compromise of that service, or of the
#   file, every database of the cloud.
# custom:
#   id: SL-DB-004
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Create a dedicated user with rights on the service's database only
#     (the guide's GRANT ALL PRIVILEGES ON nova.* TO 'nova'@...) and use it
#     in the connection URL.
package stacklint.rules.database.root_user

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.keyed(["connection", "sql_connection", "slave_connection"])
	occ.url.driver in {"mysql", "postgresql", "postgres"}
	user := occ.url.hosts[0].user
	user in {"root", "postgres"}
	finding := {
		"message": sprintf("%s connects as the database administrator '%s': a leak of this file or service exposes every database", [lib.where(f, section, key), user]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
