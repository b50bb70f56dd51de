# METADATA
# title: rc file password is a placeholder or empty
# description: |
#   admin-openrc and demo-openrc from the install guide export
#   OS_PASSWORD=ADMIN_PASS / DEMO_PASS for the reader to replace. An rc file
#   that still holds the placeholder (or an empty password) either fails to
#   authenticate, or works because the admin's password really is the
#   published placeholder.
# custom:
#   id: SL-RC-003
#   scope: node
#   severity: error
#   inputs: [rc]
#   remediation: |
#     Export the user's real password in the rc file (and keep the file mode
#     0600), or leave OS_PASSWORD out and let the client prompt for it.
package stacklint.rules.openrc.placeholder_password

import data.stacklint.lib

report contains finding if {
	some rc in input.rc
	v := rc.vars.OS_PASSWORD
	why := _why(v)
	finding := {
		"message": sprintf("%s sets OS_PASSWORD to %s", [rc.path, why]),
		"locations": [lib.rc_loc(rc, "OS_PASSWORD")],
	}
}

_why(v) := sprintf("the install-guide placeholder '%s': the password is public or wrong", [v.placeholders[0]]) if count(v.placeholders) > 0

else := "an empty string: the client cannot authenticate" if {
	v.empty
	not v.dynamic
}
