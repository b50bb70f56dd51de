# METADATA
# title: JSON policy file (deprecated, or ignored)
# description: |
#   JSON policy files are deprecated since oslo.policy 3.4.0 (Wallaby),
#   when the services moved the policy_file default to policy.yaml and kept
#   a fallback: with policy_file left unset and no policy.yaml, oslo.policy
#   still picks policy.json (with a deprecation warning). oslo.policy 5.0.0
#   (2026.1) dropped the fallback: a policy.json next to an unset policy_file
#   is not read at all, and every override in it is silently lost. The same
#   happens in any release when a policy.yaml exists beside it. A file that
#   is read and is JSON is reported as info (it works, but is deprecated);
#   a policy.json that is no longer read is a warning.
# custom:
#   id: SL-POL-007
#   scope: node
#   severity: warning
#   inputs: [policy]
#   remediation: |
#     Convert it: oslopolicy-convert-json-to-yaml --namespace <service>
#     --policy-file policy.json --output-file policy.yaml, review the result
#     (it comments out rules equal to the defaults), and remove policy.json.
package stacklint.rules.policy.json_policy

import data.stacklint.lib.policy

report contains finding if {
	some p in input.policies
	not p.error
	p.read_as != ""
	p.loader == "json"
	finding := {
		"message": sprintf("%s reads %s, a JSON policy file: JSON policy files are deprecated since oslo.policy 3.4.0 and read as YAML only from 5.0.0; convert it to policy.yaml", [p.service, p.path]),
		"locations": [{"path": p.path, "node": p.node, "line": 1, "column": 1}],
		"severity": "info",
	}
}

_why(setting, release) := sprintf("policy_file is unset, so it is policy.yaml, and %s's oslo.policy no longer falls back to policy.json", [release]) if {
	not setting.found
} else := sprintf("policy_file is unset and %s exists, which oslo.policy reads instead", [setting.resolved])

report contains finding if {
	some p in input.policies
	not p.error
	p.read_as == ""
	policy.base(p.path) == "policy.json"
	some s in policy.setting(p.node, p.service, "policy_file")
	not s.set
	finding := {
		"message": sprintf("%s on %s does not read %s: %s; %s", [p.service, p.node, p.path, _why(s, object.get(input, ["release", "name"], "this release")), _ignored(count(p.rules))]),
		"locations": [{"path": p.path, "node": p.node, "line": 1, "column": 1}],
	}
}

_ignored(1) := "its one override is ignored"

_ignored(n) := sprintf("its %d overrides are ignored", [n]) if n != 1
