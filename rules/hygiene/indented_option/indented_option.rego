# METADATA
# title: Indented option line becomes part of the previous value
# description: |
#   oslo.config reads a line that starts with a space or tab as a
#   continuation of the value above it. An option line indented by mistake
#   ("  local_ip = 10.0.0.31" under another key) is therefore not an
#   option: its text is appended to the previous value, which is now wrong
#   too, and the indented option keeps its default.
# custom:
#   id: SL-HYG-005
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Remove the leading whitespace from the indented line (or join the
#     value onto one line if it really is a continuation).
package stacklint.rules.hygiene.indented_option

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("continuation_option")
	line := occ.continuation_option
	finding := {
		"message": sprintf("%s:%d is indented, so oslo.config appends it to the value of %s instead of setting an option", [f.path, line, lib.where(f, section, key)]),
		"locations": [
			{"path": f.path, "node": f.node, "line": line, "column": 1, "section": section},
			lib.loc(f, section, key, occ),
		],
	}
}
