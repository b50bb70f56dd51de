# METADATA
# title: Policy defined more than once in a file
# description: |
#   JSON and YAML loaders keep the last value of a repeated key without a
#   word. A policy written twice in one file is in force only as its last
#   line says; an edit to the first copy, which is what a reader finds,
#   changes nothing.
# custom:
#   id: SL-POL-011
#   scope: node
#   severity: warning
#   inputs: [policy]
#   remediation: |
#     Keep one definition: merge the intended check string into one line and
#     delete the others.
package stacklint.rules.policy.duplicate_policy

import data.stacklint.lib.policy

report contains finding if {
	some p in input.policies
	not p.error
	some name, r in p.rules
	count(r.lines) > 1
	finding := {
		"message": sprintf("%s is defined %d times (lines %s); only the last, line %d, counts", [policy.where(p, name), count(r.lines), concat(", ", [sprintf("%d", [l]) | some l in r.lines]), r.line]),
		"locations": array.concat(
			[{"path": p.path, "node": p.node, "line": l, "key": name} | some i, l in r.lines; i < count(r.lines) - 1],
			[policy.loc(p, name, r)],
		),
	}
}
