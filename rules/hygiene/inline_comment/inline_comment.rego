# METADATA
# title: Inline comment is part of the value
# description: |
#   oslo.config knows only full-line comments (a line starting with # or
#   ;). In "key = value # note" (or "// note", as some install guides
#   write it) the text " # note" belongs to the value,
#   so the service gets "value # note": a wrong address, driver name or
#   password. Secrets are checked too, without showing them.
# custom:
#   id: SL-HYG-006
#   scope: node
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Move the comment to its own line above the option.
package stacklint.rules.hygiene.inline_comment

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("inline_comment")
	finding := {
		"message": sprintf("%s %s contains ' %s': oslo.config has no inline comments, so the comment is part of the value", [lib.where(f, section, key), _shown(occ), object.get(occ, "comment_marker", "#")]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

_shown(occ) := sprintf("(%s)", [lib.label(occ)]) if occ.secret

else := sprintf("'%s'", [occ.value])
