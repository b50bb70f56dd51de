# METADATA
# title: glance-api does not validate tokens
# description: |
#   glance-api picks its paste pipeline from [paste_deploy] flavor. Only
#   flavor = keystone (or keystone+cachemanagement and the like) puts the
#   authtoken filter in front of the API; without it glance runs the
#   default pipeline with unauthenticated-context, and any request is
#   served as the identity it claims.
# custom:
#   id: SL-GLN-001
#   severity: error
#   inputs: [glance-api.conf]
#   remediation: |
#     Set [paste_deploy] flavor = keystone in glance-api.conf and restart
#     glance-api.
package stacklint.rules.glance.paste_flavor

import data.stacklint.lib
import data.stacklint.lib.network as net

report contains finding if {
	some [_, f] in lib.files("glance-api.conf")
	not _keystone(f)
	finding := {
		"message": sprintf("%s is %s: glance-api runs without token validation", [lib.where(f, "paste_deploy", "flavor"), _shown(f)]),
		"locations": [net.at(f, "paste_deploy", "flavor")],
	}
}

_keystone(f) if startswith(lib.last(f, "paste_deploy", "flavor").value, "keystone")

_shown(f) := sprintf("'%s'", [lib.last(f, "paste_deploy", "flavor").value]) if true

else := "not set"
