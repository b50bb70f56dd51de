# METADATA
# title: A database user has different passwords
# description: |
#   Every [database], [api_database] and [placement_database] connection URL
#   (and the Icehouse-era sql_connection) names a database user on a
#   database server. The server holds one password per user, so every URL
#   with the same user on the same server (the host resolved through each
#   node's /etc/hosts) must carry the same password. Typical slips: nova_api
#   and nova on one node, or one controller of several with an old password.
# custom:
#   id: SL-PASS-008
#   severity: error
#   inputs: [config]
#   remediation: |
#     Put the password the database server holds for the user in every
#     connection URL listed, then restart the services that read them.
package stacklint.rules.credentials.db_password_drift

import data.stacklint.lib

_keys := {"connection", "sql_connection", "slave_connection"}

_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.url.driver in {"mysql", "postgresql", "postgres"}
	h := occ.url.hosts[0]
	h.user != ""
	h.password_fp != ""
	server := sprintf("%s:%d", [lib.ident(h), h.port])
	c := {
		"group": [server, h.user], "v": h.password_fp,
		"where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ),
	}
}

report contains finding if {
	some group in {c.group | some c in _copies}
	some [c, r] in lib.drift({c | some c in _copies; c.group == group})
	finding := {
		"message": sprintf("database user '%s' on %s: %s (fp:%s) differs from %s (fp:%s); the side the server does not know cannot connect", [group[1], group[0], c.where, c.v, r.where, r.v]),
		"locations": [c.loc, r.loc],
	}
}
