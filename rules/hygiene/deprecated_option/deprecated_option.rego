# METADATA
# title: Deprecated option name in use
# description: |
#   A deprecated name still works (oslo.config feeds the new option from
#   it) until a release removes it, and then the setting silently stops
#   applying: [keystone_authtoken] auth_uri, [DEFAULT] rpc_backend,
#   nova_metadata_ip, the old [DATABASE] sql_connection. When the file also
#   sets the new name, the new name wins and the old line is dead. Checked
#   against the option schema of the release (--release or detected);
#   options deprecated for removal are SL-HYG-016.
# custom:
#   id: SL-HYG-003
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
	finding := {
		"message": sprintf("%s [%s] %s on %s is a deprecated name of %s in %s%s", [f.kind, section, key, f.node, _names(targets), lib.release_named, _both(f, targets, occ)]),
		"locations": array.concat([lib.loc(f, section, key, occ)], _new_locs(f, targets)),
	}
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
