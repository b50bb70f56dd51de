# METADATA
# title: A service connects to its database as root
# description: |
#   Each service should own a database user limited to its own schema
#   (nova, nova_api, neutron, ...). A connection URL with root (or the
#   MariaDB admin account) gives any compromise of that service, or of the
#   file, every database of the cloud. The connections that log in as one
#   administrator are one finding (the first by node, file and line, the
#   others as related locations): one choice of the deployment.
# custom:
#   id: SL-DB-004
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Create a dedicated user with rights on the service's database only
#     (the guide's GRANT ALL PRIVILEGES ON nova.* TO 'nova'@...) and use it
#     in the connection URL.
package stacklint.rules.database.root_user

import data.stacklint.lib

# aggregate: each node's connection URL that logs in as an administrator
# ({"connection": {user, where, loc}}); the report groups them by account
# over the fleet.
aggregate contains {"connection": c} if some c in _connections

_all := {r.connection | some r in aggregate; r.connection}

report contains finding if {
	some user in {c.user | some c in _all}
	hits := sort([[c.loc.node, c.loc.path, c.loc.line, c] | some c in _all; c.user == user])
	places := [h[3].where | some h in hits]
	finding := {
		"message": sprintf("%s as the database administrator '%s' (%s): a leak of any of these files or services exposes every database", [_what(count(places)), user, lib.listed(places)]),
		"locations": [h[3].loc | some h in hits],
	}
}

# _connections are the connection URLs that log in as an administrator:
# the deployment's choice (devstack's DATABASE_USER=root), one root cause
# for every service, so one finding per administrator account.
_connections contains {"user": user, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)} if {
	some [f, section, key, occ] in lib.keyed(["connection", "sql_connection", "slave_connection"])
	occ.url.driver in {"mysql", "postgresql", "postgres"}
	user := occ.url.hosts[0].user
	user in {"root", "postgres"}
}

_what(1) := "a database connection logs in"

_what(n) := sprintf("%d database connections log in", [n]) if n > 1
