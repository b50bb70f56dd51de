# METADATA
# title: Domain name written where an id is expected
# description: |
#   project_domain_id and user_domain_id (OS_PROJECT_DOMAIN_ID,
#   OS_USER_DOMAIN_ID) take a domain's id. The default domain's id is
#   "default"; its name is "Default". Ids are matched exactly, so
#   user_domain_id = Default names a domain that does not exist and every
#   authentication with it fails with 401.
# custom:
#   id: SL-KS-004
#   scope: node
#   severity: warning
#   inputs: [config, rc]
#   remediation: |
#     Write user_domain_name = Default (a name) or user_domain_id = default
#     (the id), not a mix of the two.
package stacklint.rules.keystone.domain_id

import data.stacklint.lib

_id_keys := ["project_domain_id", "user_domain_id", "domain_id"]

_wrong(v) if {
	lower(v) == "default"
	v != "default"
}

report contains finding if {
	some [f, section, key, occ] in lib.keyed(_id_keys)
	_wrong(occ.value)
	finding := {
		"message": sprintf("%s is '%s', a name: the default domain's id is 'default', so authentication fails with 401", [lib.where(f, section, key), occ.value]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

report contains finding if {
	some rc in input.rc
	some name in ["OS_PROJECT_DOMAIN_ID", "OS_USER_DOMAIN_ID", "OS_DOMAIN_ID"]
	_wrong(rc.vars[name].value)
	finding := {
		"message": sprintf("%s sets %s=%s, a name: the default domain's id is 'default', so authentication fails with 401", [rc.path, name, rc.vars[name].value]),
		"locations": [lib.rc_loc(rc, name)],
	}
}
