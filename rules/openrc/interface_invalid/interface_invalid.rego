# METADATA
# title: rc file selects an endpoint interface that does not exist
# description: |
#   OS_INTERFACE (OS_ENDPOINT_TYPE for the old clients) picks which catalog
#   endpoint the clients use: public, internal or admin (the v2 names
#   publicURL, internalURL, adminURL are accepted too). Any other value
#   finds no endpoint, and every command fails with "public endpoint for
#   ... service not found"-style errors. (OS_REGION_NAME is compared with
#   the services' region by SL-EP-005.)
# custom:
#   id: SL-RC-006
#   scope: node
#   severity: warning
#   inputs: [rc]
#   remediation: |
#     Set OS_INTERFACE to public (or internal from inside the control
#     plane).
package stacklint.rules.openrc.interface_invalid

import data.stacklint.lib

_valid := {"public", "internal", "admin", "publicurl", "internalurl", "adminurl"}

report contains finding if {
	some rc in input.rc
	some name in ["OS_INTERFACE", "OS_ENDPOINT_TYPE"]
	v := rc.vars[name]
	not v.dynamic
	not lower(trim_space(v.value)) in _valid
	finding := {
		"message": sprintf("%s sets %s=%s, which is not public, internal or admin: clients find no endpoint", [rc.path, name, v.value]),
		"locations": [lib.rc_loc(rc, name)],
	}
}
