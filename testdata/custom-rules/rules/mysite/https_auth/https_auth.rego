# METADATA
# title: Keystone is reached over https
# description: |
#   Our policy: every service reaches Keystone over https, so tokens and
#   service passwords never cross the network in clear.
# custom:
#   id: MYSITE-001
#   severity: error
#   remediation: |
#     Point www_authenticate_uri and auth_url at https://keystone.example.net:5000.
package stacklint.rules.mysite.https_auth

import data.stacklint.lib

report contains finding if {
	some [f, section, key, occ] in lib.keyed(["www_authenticate_uri", "auth_url"])
	startswith(lower(occ.value), "http://")
	finding := {
		"message": sprintf("%s is %s: tokens cross the network in clear", [lib.where(f, section, key), occ.value]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
