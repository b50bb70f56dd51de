# METADATA
# title: Admin equivalence broadened to non-admin users
# description: |
#   context_is_admin decides who is a cloud admin: oslo.context sets
#   is_admin from it, and every "is_admin:True" and "rule:context_is_admin"
#   check in the service's policies then passes. admin_api, admin_required,
#   cloud_admin and admin_only play the same part in older files. When one
#   of them is an "or" with a branch that matches an ordinary role
#   ("role:admin or role:member") or the owner of the target
#   ("project_id:%(project_id)s"), every such user is an admin everywhere
#   those rules are used.
# custom:
#   id: SL-POL-006
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Keep the admin rules to admin roles (role:admin). Grant the extra
#     role on the specific policies it needs instead.
package stacklint.rules.policy.admin_broadened

import data.stacklint.lib.policy

_admin_rules := {"context_is_admin", "admin_api", "admin_required", "cloud_admin", "admin_only"}

# _branches: the alternatives of a rule (its "or" children, or itself).
_branches(ast) := ast.children if ast.op == "or"

else := [ast]

# _grants says what a branch lets in, when that is not an admin.
_grants(b) := sprintf("role '%s': every %s user", [b.match, b.match]) if {
	b.class == "RoleCheck"
	not contains(lower(b.match), "admin")
}

_grants(b) := sprintf("'%s:%s': the owner of the target", [b.kind, b.match]) if {
	b.class == "GenericCheck"
	startswith(b.match, "%(")
}

report contains finding if {
	some [p, name, r] in policy.entries
	name in _admin_rules
	some b in _branches(r.ast)
	b.op == "check"
	g := _grants(b)
	finding := {
		"message": sprintf("%s also matches %s is a %s admin", [policy.where(p, name), g, p.service]),
		"locations": [policy.at(p, name, b), policy.loc(p, name, r)],
	}
}
