# METADATA
# title: Database connection URL cannot be used
# description: |
#   oslo.db hands [database] connection (and [api_database],
#   [placement_database], slave_connection) to SQLAlchemy, which needs
#   driver://user:password@host/database. A value without a scheme, or a
#   URL without a database name, stops the service at start or on its
#   first query ("Could not parse rfc1738 URL", "No database selected").
# custom:
#   id: SL-DB-001
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Write the URL as the install guide does:
#     mysql+pymysql://nova:NOVA_DBPASS@controller/nova, with the service's
#     own database name after the host.
package stacklint.rules.database.connection_url

import data.stacklint.lib

_sections := {"database", "api_database", "placement_database"}

_problem(occ) := "is not a URL (driver://user:password@host/database)" if {
	not occ.url
	not occ.secret
	occ.value != ""
	count(object.get(occ, "placeholders", [])) == 0
}

_problem(occ) := "names no database after the host" if {
	occ.url.driver != "sqlite"
	trim(occ.url.database, "/") == ""
}

report contains finding if {
	some [f, section, key, occ] in lib.keyed(["connection", "slave_connection"])
	section in _sections
	problem := _problem(occ)
	finding := {
		"message": sprintf("%s %s: the service cannot reach its database", [lib.where(f, section, key), problem]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
