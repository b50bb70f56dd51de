# METADATA
# title: Option deprecated for removal
# description: |
#   For the upgrade: the option still works in the release checked
#   against, but its project deprecated it for removal and a later release
#   stacklint knows has removed it, so after that upgrade the line is
#   silently ignored. Options deprecated for removal that every known
#   release still reads ([glance_store] stores, nova [glance] api_servers,
#   which install guides keep using) are not reported. Checked against the
#   option schemas of the release (--release or detected) and the later
#   ones.
# custom:
#   id: SL-HYG-016
#   scope: node
#   severity: info
#   inputs: [config]
#   yields: true
#   remediation: |
#     Read the option's deprecation note in the release notes and move to
#     what replaces it before upgrading past the release that removes it.
package stacklint.rules.hygiene.removal_option

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("schema_removal")
	occ.schema.status in {"ok", "invalid"}
	not occ.schema.deprecated
	finding := {
		"message": sprintf("%s [%s] %s on %s is deprecated for removal%s in %s, and %s no longer reads it: the setting stops applying after that upgrade", [f.kind, section, key, f.node, _since(occ.schema), lib.release_of(f), occ.schema.removed_in]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

_since(s) := sprintf(" since %s", [s.since]) if s.since != ""

else := ""
