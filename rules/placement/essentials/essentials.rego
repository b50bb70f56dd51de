# METADATA
# title: placement.conf lacks its database or Keystone settings
# description: |
#   placement-api needs [placement_database] connection and a
#   [keystone_authtoken] section with auth_url and the placement user's
#   credentials. Without them every request fails, nova-compute cannot
#   report inventory, and scheduling finds no host. Unset, connection has
#   its release's default, none, and placement does not start (a required
#   option since placement's first release, Stein, which reads no
#   [database] connection: that name is accepted only in files older than
#   every schema). auth_url and username written empty are as good as
#   unset (an empty password is SL-PASS-010's).
# custom:
#   id: SL-PLC-002
#   scope: node
#   severity: error
#   inputs: [placement.conf]
#   defaults:
#     - [placement.conf, placement_database, connection]
#   remediation: |
#     Add [placement_database] connection and the [keystone_authtoken]
#     settings of the install guide to placement.conf, then restart the
#     placement API (httpd).
package stacklint.rules.placement.essentials

import data.stacklint.lib
import data.stacklint.lib.settings

_kinds := ["placement.conf"]

_needs := [
	["keystone_authtoken", "auth_url", "Keystone's URL"],
	["keystone_authtoken", "username", "the service user"],
	["keystone_authtoken", "password", "the service password"],
]

_tail := "the placement API cannot serve requests"

report contains finding if {
	some [name, f] in lib.files("placement.conf")
	not lib.effective(input.nodes[name], _kinds, "placement_database", "connection")
	not _legacy_db(f)
	finding := {
		"message": sprintf("%s%s: %s", [_no_connection(input.nodes[name], f), _legacy_note(f), _tail]),
		"locations": [lib.unset_loc(f, "placement_database", "connection")],
	}
}

report contains finding if {
	some [name, f] in lib.files("placement.conf")
	some [section, key, what] in _needs
	not lib.effective(input.nodes[name], _kinds, section, key)
	finding := {
		"message": sprintf("placement.conf on %s has no [%s] %s (%s): %s", [f.node, section, key, what, _tail]),
		"locations": [lib.unset_loc(f, section, key)],
	}
}

report contains finding if {
	some [name, _] in lib.files("placement.conf")
	some [section, key, what] in _needs
	key != "password" # an empty secret is SL-PASS-010's
	[g, occ] := lib.effective(input.nodes[name], _kinds, section, key)
	trim_space(occ.value) == ""
	finding := {
		"message": sprintf("%s is empty (%s): %s", [lib.where(g, section, key), what, _tail]),
		"locations": [lib.loc(g, section, key, occ)],
	}
}

# _no_connection names the unset connection with its release's default
# when the release is known.
_no_connection(node, f) := settings.unset(s, "placement_database", "connection") if {
	s := lib.setting(node, _kinds, "placement_database", "connection")
} else := sprintf("placement.conf on %s has no [placement_database] connection (the database connection)", [f.node])

# _legacy_db: a file older than every schema may be read by a placement
# that took [database] connection.
_legacy_db(f) if {
	f.release.below_oldest
	lib.has(f, "database", "connection")
}

_legacy_note(f) := "; [database] connection, written here, is not read by placement" if lib.has(f, "database", "connection")

else := ""
