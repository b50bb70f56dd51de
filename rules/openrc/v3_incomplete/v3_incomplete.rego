# METADATA
# title: rc file uses Identity v3 without domains, or v2 names
# description: |
#   With the Identity v3 API (OS_IDENTITY_API_VERSION=3 or an OS_AUTH_URL
#   ending in /v3) the client needs the user's and the project's domain
#   (OS_USER_DOMAIN_NAME/_ID, OS_PROJECT_DOMAIN_NAME/_ID) and the project as
#   OS_PROJECT_NAME; OS_TENANT_NAME is the v2 name. Without them every
#   command fails with "Expecting to find domain in user/project". rc files
#   for the v2 API (Icehouse-era) are not judged.
# custom:
#   id: SL-RC-002
#   scope: node
#   severity: warning
#   inputs: [rc]
#   remediation: |
#     Export OS_USER_DOMAIN_NAME=Default, OS_PROJECT_DOMAIN_NAME=Default
#     and OS_PROJECT_NAME (instead of OS_TENANT_NAME), as the guide's
#     admin-openrc does.
package stacklint.rules.openrc.v3_incomplete

import data.stacklint.lib

_v3(rc) if rc.vars.OS_IDENTITY_API_VERSION.value == "3"

_v3(rc) if regex.match(`/v3/?$`, rc.vars.OS_AUTH_URL.value)

_missing(rc) := [what |
	some [what, names] in [
		["user domain", ["OS_USER_DOMAIN_NAME", "OS_USER_DOMAIN_ID", "OS_DEFAULT_DOMAIN"]],
		["project domain", ["OS_PROJECT_DOMAIN_NAME", "OS_PROJECT_DOMAIN_ID", "OS_DEFAULT_DOMAIN"]],
		["project", ["OS_PROJECT_NAME", "OS_PROJECT_ID"]],
	]
	count([n | some n in names; rc.vars[n]]) == 0
]

report contains finding if {
	some rc in input.rc
	rc.vars.OS_USERNAME
	_v3(rc)
	missing := _missing(rc)
	count(missing) > 0
	finding := {
		"message": sprintf("%s uses Identity v3 but sets no %s: commands fail with 'Expecting to find domain'", [rc.path, concat(", no ", missing)]),
		"locations": [lib.rc_loc(rc, "OS_AUTH_URL")],
	}
}
