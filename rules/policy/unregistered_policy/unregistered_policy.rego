# METADATA
# title: Policy name the service does not register
# description: |
#   A policy file overrides the rules a service registers in code, by name.
#   A name the service does not register in the release (a typo, or a
#   policy that was renamed or removed) is loaded and never consulted: the
#   override is silently ignored and the default stays in force.
#   oslopolicy-validator calls these "Unknown rule found in policy file".
#   Names other rules of the files refer to (aliases such as
#   admin_or_owner) and [oslo_policy] policy_default_rule are not overrides
#   and are left alone. A deprecated name that a new policy replaces is
#   still honoured for now, with a warning in the service log; it is
#   reported as info, naming the new name. Needs a known release (see
#   --release).
# custom:
#   id: SL-POL-004
#   scope: node
#   severity: warning
#   inputs: [policy]
#   remediation: |
#     Use the name the release registers (the message suggests the closest
#     one; oslopolicy-sample-generator --namespace <service> lists them all)
#     or delete the override. For a renamed policy, move the override to the
#     new name (oslopolicy-policy-upgrade does it).
package stacklint.rules.policy.unregistered_policy

import data.stacklint.lib.policy

# _referenced: [node, service, name] of every rule another rule refers to.
_referenced contains [p.node, p.service, ref.name] if {
	some [p, _, r] in policy.entries
	some ref in r.refs
}

_hint(reg) := sprintf(" (did you mean '%s'?)", [reg.suggestion]) if reg.suggestion

else := ""

report contains finding if {
	some [p, name, r] in policy.entries
	r.registered.status == "unknown"
	not [p.node, p.service, name] in _referenced
	finding := {
		"message": sprintf("%s is not a policy %s registers in %s%s: the override is silently ignored", [policy.where(p, name), p.service, r.registered.release, _hint(r.registered)]),
		"locations": [policy.loc(p, name, r)],
	}
}

report contains finding if {
	some [p, name, r] in policy.entries
	r.registered.status == "deprecated"
	finding := {
		"message": sprintf("%s is a deprecated name in %s, replaced by '%s': it is honoured only until the deprecated rule is removed", [policy.where(p, name), r.registered.release, concat("', '", r.registered.renamed_to)]),
		"locations": [policy.loc(p, name, r)],
		"severity": "info",
	}
}
