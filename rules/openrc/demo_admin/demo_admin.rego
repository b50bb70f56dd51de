# METADATA
# title: demo rc file uses the admin identity
# description: |
#   The guide's demo-openrc gives an unprivileged user (myuser in
#   myproject) for everyday work and tests. A demo rc file whose
#   OS_USERNAME or OS_PROJECT_NAME (OS_TENANT_NAME) is admin hands admin
#   rights to whoever uses the "demo" credentials.
# custom:
#   id: SL-RC-007
#   scope: node
#   severity: info
#   inputs: [rc]
#   remediation: |
#     Point the demo rc file at an unprivileged user and project.
package stacklint.rules.openrc.demo_admin

import data.stacklint.lib

report contains finding if {
	some rc in input.rc
	contains(lower(rc.name), "demo")
	some name in ["OS_USERNAME", "OS_PROJECT_NAME", "OS_TENANT_NAME"]
	lower(rc.vars[name].value) == "admin"
	finding := {
		"message": sprintf("%s sets %s=admin: the demo credentials are the admin's", [rc.path, name]),
		"locations": [lib.rc_loc(rc, name)],
	}
}
