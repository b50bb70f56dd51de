# METADATA
# title: Placeholder left in a policy
# description: |
#   keystone's policy.v3cloudsample.json defines cloud_admin as
#   "role:admin and (is_admin_project:True or domain_id:admin_domain_id)",
#   expecting the operator to put the admin domain's id in place of
#   admin_domain_id. Copied as is, the check compares the domain id with
#   the literal text "admin_domain_id", never matches, and nobody is a
#   cloud admin (or, in an "or", that branch is dead). The same goes for
#   any generic check whose match is an install-guide placeholder in
#   capitals (DOMAIN_ID, ADMIN_PROJECT_ID).
# custom:
#   id: SL-POL-010
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Replace the placeholder with the real id (openstack domain show
#     <name> -f value -c id), or use the target form %(domain_id)s where
#     the policy means the target's domain.
package stacklint.rules.policy.policy_placeholder

import data.stacklint.lib.policy

_known := {"admin_domain_id", "admin_project_id", "admin_project_name", "admin_domain_name", "default_domain_id"}

_placeholder(m) if lower(m) in _known

_placeholder(m) if regex.match(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_(ID|NAME)$`, m)

_placeholder(m) if regex.match(`^<[^>]+>$`, m)

report contains finding if {
	some [p, name, r] in policy.entries
	some c in r.checks
	c.class == "GenericCheck"
	_placeholder(c.match)
	finding := {
		"message": sprintf("%s compares %s with the placeholder '%s', which no real id equals: this check never matches", [policy.where(p, name), c.kind, c.match]),
		"locations": [policy.at(p, name, c)],
	}
}
