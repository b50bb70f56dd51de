# METADATA
# title: Policies refer to each other in a cycle
# description: |
#   When rule a refers to rule b and b (directly or through others) back to
#   a, evaluating either never ends: oslo.policy logs "part of a cyclical
#   reference" at start-up, and every check that reaches the cycle raises
#   (a RecursionError seen as "unsupported callable"), so the API answers
#   with an error instead of a decision. The graph is built per service and
#   node from the policy files the service reads.
# custom:
#   id: SL-POL-003
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Break the cycle: one of the rules must be written with role:, generic
#     checks or references to rules outside the cycle.
package stacklint.rules.policy.reference_cycle

import data.stacklint.lib.policy

# _graph: per [node, service], rule name → names it refers to that the
# files define.
_graph[[p.node, p.service]][name] := {ref.name | some ref in r.refs; ref.defined == "file"} if {
	some [p, name, r] in policy.entries
}

# _members: the names on a cycle through name (those it reaches that reach it).
_members(g, name) := {n |
	some n in graph.reachable(g, {name})
	name in graph.reachable(g, g[n])
}

_cycles contains [key, members] if {
	some key, g in _graph
	some name, _ in g
	some succ in g[name]
	name in graph.reachable(g, {succ})
	members := _members(g, name)
}

# _def is [policy document, rule] of the last definition of name (a
# policy.d file may redefine a rule of policy_file).
_def(key, name) := defs[count(defs) - 1] if {
	defs := [[p, r] |
		some [p, n, r] in policy.entries
		[p.node, p.service] == key
		n == name
	]
}

report contains finding if {
	some [key, members] in _cycles
	names := sort(members)
	finding := {
		"message": sprintf("%s policies %s form a reference cycle on %s: every check that reaches them fails with an error", [key[1], concat(" → ", array.concat(names, [names[0]])), key[0]]),
		"locations": [policy.loc(d[0], n, d[1]) | some n in names; d := _def(key, n)],
	}
}
