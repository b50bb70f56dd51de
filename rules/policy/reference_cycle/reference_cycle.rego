# METADATA
# title: Policies refer to each other in a cycle
# description: |
#   When rule a refers to rule b and b (directly or through others) back to
#   a, evaluating either never ends: oslo.policy logs "part of a cyclical
#   reference" at start-up, and every check that reaches the cycle raises
#   (a RecursionError seen as "unsupported callable"), so the API answers
#   with an error instead of a decision. The cycles are found per service
#   and node among the policies in force (the model's policy_cycles: the
#   strongly connected components of the rule: references, computed in Go).
# custom:
#   id: SL-POL-003
#   scope: node
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Break the cycle: one of the rules must be written with role:, generic
#     checks or references to rules outside the cycle.
package stacklint.rules.policy.reference_cycle

report contains finding if {
	some name, node in input.nodes
	some c in node.policy_cycles
	names := c.members
	defs := node.policies_in_force[c.service]
	finding := {
		"message": sprintf("%s policies %s form a reference cycle on %s: every check that reaches them fails with an error", [c.service, concat(" → ", array.concat(names, [names[0]])), name]),
		"locations": [{"path": d.path, "node": name, "line": d.line, "column": d.column, "key": n} | some n in names; d := defs[n]],
	}
}
