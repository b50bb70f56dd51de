# METADATA
# title: rc file exports bootstrap token variables
# description: |
#   OS_TOKEN, OS_SERVICE_TOKEN, OS_URL and OS_SERVICE_ENDPOINT (and
#   OS_AUTH_TYPE=token or admin_token) are what Keystone's bootstrap used
#   before keystone-manage bootstrap. Left in an rc file they make the
#   client authenticate with the token instead of the user's password, or
#   talk straight to a fixed endpoint; packstack's keystonerc files begin
#   with "unset OS_SERVICE_TOKEN" for this reason.
# custom:
#   id: SL-RC-005
#   scope: node
#   severity: warning
#   inputs: [rc]
#   remediation: |
#     Remove the token variables from the rc file (or unset them) and rely
#     on the password credentials.
package stacklint.rules.openrc.token_leftovers

import data.stacklint.lib

_vars := {"OS_TOKEN", "OS_SERVICE_TOKEN", "OS_URL", "OS_SERVICE_ENDPOINT"}

report contains finding if {
	some rc in input.rc
	some name, v in rc.vars
	_leftover(name, v)
	finding := {
		"message": sprintf("%s sets %s: token authentication overrides the password credentials of this file", [rc.path, name]),
		"locations": [lib.rc_loc(rc, name)],
	}
}

_leftover(name, v) if {
	name in _vars
	v.exported
}

_leftover("OS_AUTH_TYPE", v) if {
	v.exported
	lower(v.value) in {"token", "admin_token", "v3token"}
}
