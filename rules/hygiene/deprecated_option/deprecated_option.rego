# METADATA
# title: Deprecated option name in use
# description: |
#   A deprecated name still works (oslo.config feeds the new option from
#   it) until a release removes it, and then the setting silently stops
#   applying: [keystone_authtoken] auth_uri, [DEFAULT] rpc_backend,
#   nova_metadata_ip, the old [DATABASE] sql_connection. When the file also
#   sets the new name, the new name wins and the old line is dead. Checked
#   against the option schema of the release (--release or detected);
#   options deprecated for removal are SL-HYG-016. On files older than the
#   oldest release stacklint has a schema for, where the old name may be
#   the right one, it is an info for the upgrade.
# custom:
#   id: SL-HYG-003
#   scope: node
#   severity: warning
#   inputs: [config]
#   yields: true
#   remediation: |
#     Rename the option to the name given (and drop the old line when both
#     are set).
package stacklint.rules.hygiene.deprecated_option

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("schema_deprecated")
	targets := [t | some t in occ.schema.replacements]
	not _older(f, targets)
	finding := {
		"message": sprintf("%s [%s] %s on %s is a deprecated name of %s in %s%s", [f.kind, section, key, f.node, _names(targets), lib.release_of(f), _both(f, targets, occ)]),
		"locations": array.concat([lib.loc(f, section, key, occ)], _new_locs(f, targets)),
	}
}

# A file older than the oldest release stacklint knows may use the name
# its own release reads: deprecated in the oldest known release is advice
# for the upgrade (info), unless the file sets the new name too.
report contains finding if {
	some [f, section, key, occ] in lib.flagged("schema_deprecated")
	targets := [t | some t in occ.schema.replacements]
	_older(f, targets)
	finding := {
		"message": sprintf("%s [%s] %s on %s is a deprecated name of %s in %s, the oldest release stacklint knows (the file looks older): rename it when upgrading", [f.kind, section, key, f.node, _names(targets), f.release.name]),
		"locations": [lib.loc(f, section, key, occ)],
		"severity": "info",
	}
}

_older(f, targets) if {
	f.release.below_oldest
	count(_new_locs(f, targets)) == 0
}

_names(targets) := concat(" and ", [sprintf("[%s] %s", split(t, "/")) | some t in targets])

# _new_locs: where the file also sets the new name.
_new_locs(f, targets) := [lib.loc(f, g, k, lib.last(f, g, k)) |
	some t in targets
	[g, k] := split(t, "/")
	lib.has(f, g, k)
]

_both(f, targets, occ) := sprintf("; the file also sets the new name, which wins%s", [_differs(f, targets, occ)]) if count(_new_locs(f, targets)) > 0

else := ""

_differs(f, targets, occ) := " with another value: this line has no effect" if {
	some t in targets
	[g, k] := split(t, "/")
	lib.last(f, g, k).value != occ.value
} else := ""
