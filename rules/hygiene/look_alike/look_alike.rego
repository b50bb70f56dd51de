# METADATA
# title: Typographic look-alike character from copy-paste
# description: |
#   Text copied from a web page, chat or word processor carries characters
#   that look like ASCII but are not: a no-break space, curly quotes, an
#   en dash for '-'. oslo.config strips only surrounding whitespace and
#   ASCII quotes, so "RegionOne" in curly quotes is another region, a
#   path with a Unicode hyphen does not exist, and an option name with one
#   is an unknown option that is silently ignored. Secrets are checked
#   too; only the character is shown.
# custom:
#   id: SL-HYG-010
#   scope: node
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Retype the value (or key) with plain ASCII characters.
package stacklint.rules.hygiene.look_alike

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("look_alike")
	finding := {
		"message": sprintf("%s contains %s in its value: oslo.config keeps it, so the value is not what it looks like", [lib.where(f, section, key), occ.look_alike]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# Option names: the model marks keys with a look-alike character.
report contains finding if {
	some [f, section, key, occ] in lib.flagged("key_look_alike")
	finding := {
		"message": sprintf("%s [%s] option name on %s contains %s: it is not the option it looks like and is ignored", [f.kind, section, f.node, occ.key_look_alike]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
