# METADATA
# title: glance unified limits enabled without [oslo_limit]
# description: |
#   With [DEFAULT] use_keystone_limits = true glance asks Keystone for the
#   project's limits through oslo.limit, which authenticates with the
#   [oslo_limit] section: auth_url, auth_type, the glance user (username,
#   password, user_domain_*) and the registered limit endpoint
#   (endpoint_id). With any of them missing every image upload fails its
#   quota check. Read in effect across glance-api's files
#   (glance-api-dist.conf, glance-api.conf, glance-api.conf.d): a drop-in
#   may switch the limits on, or hold the [oslo_limit] credentials; unset,
#   use_keystone_limits is false in every release that has it.
# custom:
#   id: SL-GLN-003
#   scope: node
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

_kinds := ["glance-api.conf"]

report contains finding if {
	some [name, _] in lib.files("glance-api.conf")
	node := input.nodes[name]
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", "use_keystone_limits")
	lower(trim_space(occ.value)) in {"true", "1", "yes", "on"}
	missing := [k | some k in _required; not lib.effective(node, _kinds, "oslo_limit", k)]
	count(missing) > 0
	finding := {
		"message": sprintf("%s is true, but [oslo_limit] lacks %s: image uploads fail their quota check", [lib.where(f, "DEFAULT", "use_keystone_limits"), concat(", ", missing)]),
		"locations": [lib.loc(f, "DEFAULT", "use_keystone_limits", occ)],
	}
}
