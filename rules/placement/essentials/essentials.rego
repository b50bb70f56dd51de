# METADATA
# title: placement.conf lacks its database or Keystone settings
# description: |
#   placement-api needs [placement_database] connection (before Stein:
#   [database] connection in placement.conf) and a [keystone_authtoken]
#   section with auth_url and the placement user's credentials. Without
#   them every request fails, nova-compute cannot report inventory, and
#   scheduling finds no host.
# custom:
#   id: SL-PLC-002
#   severity: error
#   inputs: [placement.conf]
#   remediation: |
#     Add [placement_database] connection and the [keystone_authtoken]
#     settings of the install guide to placement.conf, then restart the
#     placement API (httpd).
package stacklint.rules.placement.essentials

import data.stacklint.lib

_needs := [
	["placement_database", "connection", "the database connection"],
	["keystone_authtoken", "auth_url", "Keystone's URL"],
	["keystone_authtoken", "username", "the service user"],
	["keystone_authtoken", "password", "the service password"],
]

report contains finding if {
	some [_, f] in lib.files("placement.conf")
	some [section, key, what] in _needs
	not lib.has(f, section, key)
	not _legacy_db(f, section)
	finding := {
		"message": sprintf("placement.conf on %s has no [%s] %s (%s): the placement API cannot serve requests", [f.node, section, key, what]),
		"locations": [{"path": f.path, "node": f.node, "section": section, "key": key}],
	}
}

# Before Stein placement read [database] connection.
_legacy_db(f, "placement_database") if lib.has(f, "database", "connection")
