# METADATA
# title: Secret contains a '$' that oslo.config substitutes
# description: |
#   oslo.config treats $name and ${group.name} in any value as a reference
#   to another option and substitutes it (only $$ and \$ stand for a
#   literal dollar). A generated password such as "Xy$9abc" is therefore
#   not what the service sends: it becomes "Xy" plus the value of option
#   "9abc", or the service stops with a template substitution error when no
#   such option exists. The other side (Keystone, the database, the broker)
#   holds the password as written, so authentication fails.
# custom:
#   id: SL-PASS-012
#   scope: node
#   severity: error
#   inputs: [config]
#   remediation: |
#     Write every '$' of the secret as '$$' (or choose a secret without '$')
#     and restart the service.
package stacklint.rules.credentials.secret_template

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.flagged("secret_template")
	finding := {
		"message": sprintf("%s (%s) contains '$' followed by a name: oslo.config %s; write '$$' for a literal '$'", [lib.where(f, section, key), lib.label(occ), _effect(occ)]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

_effect(occ) := "finds no such option and the service stops with a substitution error" if occ.template_missing

else := "replaces it with another option's value, so the service sends another secret"
