# METADATA
# title: Policy refers to a rule that is not defined
# description: |
#   "rule:x" evaluates the rule named x. When neither the policy files the
#   service reads nor the service's registered defaults define x, the check
#   is False: the policy denies where its author meant to delegate.
#   oslo.policy only logs a warning at start-up, and it misses the worse
#   case entirely: under "not", "not rule:x" is True, so the policy allows
#   everyone that part covers. Defaults are those of the release stacklint
#   checks against (every known release's when none is detected).
# custom:
#   id: SL-POL-002
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Define the rule (in the policy file, or as a rule the service
#     registers under that name in this release), or fix the name in the
#     reference. oslopolicy-policy-generator shows the rules a service
#     registers.
package stacklint.rules.policy.undefined_reference

import data.stacklint.lib.policy

_effect(ref) := sprintf("'not rule:%s' is True, so this part allows everyone (oslo.policy does not warn about references under 'not')", [ref.name]) if ref.negated

else := "the check is False, so this part denies everyone"

report contains finding if {
	some [p, name, r] in policy.entries
	some ref in r.refs
	ref.defined == ""
	finding := {
		"message": sprintf("%s refers to rule '%s', which neither the policy files nor %s's defaults define: %s", [policy.where(p, name), ref.name, p.service, _effect(ref)]),
		"locations": [policy.at(p, name, ref), policy.loc(p, name, r)],
	}
}
