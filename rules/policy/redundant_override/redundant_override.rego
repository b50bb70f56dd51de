# METADATA
# title: Policy override repeats the registered default
# description: |
#   An override equal to the default the service registers changes
#   nothing today, but it pins the rule: when a later release changes the
#   default (as the secure-RBAC work did for most policies), the file keeps
#   the old one. oslopolicy-list-redundant lists these. The comparison is of
#   oslo.policy's parse of both, so spacing and redundant parentheses do not
#   matter. A rule whose default replaces a deprecated one is left alone
#   while [oslo_policy] enforce_new_defaults is not true: there the
#   override also switches off the deprecated rule OR-ed into the default,
#   so it is not redundant. Needs a known release.
# custom:
#   id: SL-POL-009
#   scope: node
#   severity: info
#   inputs: [policy]
#   remediation: |
#     Delete the line, so that the service's default applies and follows
#     future releases.
package stacklint.rules.policy.redundant_override

import data.stacklint.lib
import data.stacklint.lib.policy

_new_defaults(node, service) if {
	f := input.nodes[node].files[policy.config[service]]
	lower(lib.last(f, "oslo_policy", "enforce_new_defaults").value) in {"true", "1", "yes", "on"}
}

_redundant(p, r) if not r.registered.has_deprecated

_redundant(p, r) if _new_defaults(p.node, p.service)

report contains finding if {
	some [p, name, r] in policy.entries
	r.registered.same_as_default
	_redundant(p, r)
	finding := {
		"message": sprintf("%s repeats %s's default in %s ('%s'): delete it so that future changes of the default apply", [policy.where(p, name), p.service, r.registered.release, r.registered.default]),
		"locations": [policy.loc(p, name, r)],
	}
}
