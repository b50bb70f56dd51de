# METADATA
# title: glance unified limits enabled without [oslo_limit]
# description: |
#   With [DEFAULT] use_keystone_limits = true glance asks Keystone for the
#   project's limits through oslo.limit, which authenticates with the
#   [oslo_limit] section: auth_url, auth_type, the glance user (username,
#   password, user_domain_*) and the registered limit endpoint
#   (endpoint_id). With any of them missing every image upload fails its
#   quota check.
# custom:
#   id: SL-GLN-003
#   severity: error
#   inputs: [glance-api.conf]
#   remediation: |
#     Complete [oslo_limit] as the glance quota guide does (auth_url,
#     auth_type = password, user_domain_id, username, password,
#     system_scope = all or a project, endpoint_id of the glance endpoint),
#     or set use_keystone_limits = false.
package stacklint.rules.glance.unified_limits

import data.stacklint.lib

_required := ["auth_url", "username", "password", "endpoint_id"]

report contains finding if {
	some [_, f] in lib.files("glance-api.conf")
	occ := lib.last(f, "DEFAULT", "use_keystone_limits")
	lower(occ.value) in {"true", "1", "yes", "on"}
	missing := [k | some k in _required; not lib.has(f, "oslo_limit", k)]
	count(missing) > 0
	finding := {
		"message": sprintf("%s is true, but [oslo_limit] lacks %s: image uploads fail their quota check", [lib.where(f, "DEFAULT", "use_keystone_limits"), concat(", ", missing)]),
		"locations": [lib.loc(f, "DEFAULT", "use_keystone_limits", occ)],
	}
}
