# METADATA
# title: API authentication is not Keystone
# description: |
#   nova ([api] auth_strategy, formerly [DEFAULT]), neutron ([DEFAULT]
#   auth_strategy) and placement ([api] auth_strategy) validate tokens only
#   with auth_strategy = keystone. noauth/noauth2 make the API trust
#   whatever user and project a request claims: anyone who reaches the
#   port is admin. The value judged is the one in effect across the
#   service's files (RDO's dist file, the main file, its config-dir);
#   unset, it is keystone in every release.
# custom:
#   id: SL-KS-002
#   scope: node
#   severity: error
#   inputs: [nova.conf, neutron.conf, placement.conf]
#   remediation: |
#     Set auth_strategy = keystone and restart the API service.
package stacklint.rules.keystone.auth_strategy

import data.stacklint.lib

_places := [
	["nova.conf", "api", "auth_strategy"], ["nova.conf", "DEFAULT", "auth_strategy"],
	["neutron.conf", "DEFAULT", "auth_strategy"], ["placement.conf", "api", "auth_strategy"],
]

report contains finding if {
	some [kind, section, key] in _places
	some [name, _] in lib.files(kind)
	[f, occ] := lib.effective(input.nodes[name], [kind], section, key) # in effect: dist file, main file, config-dir
	lower(trim_space(occ.value)) != "keystone"
	finding := {
		"message": sprintf("%s is '%s': the API accepts unauthenticated requests and trusts the identity they claim", [lib.where(f, section, key), occ.value]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
