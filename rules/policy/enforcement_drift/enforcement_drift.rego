# METADATA
# title: enforce_scope / enforce_new_defaults differ between nodes
# description: |
#   [oslo_policy] enforce_new_defaults decides whether the deprecated
#   default of each policy is still OR-ed into the new one; enforce_scope
#   whether a token of the wrong scope is refused. Set differently on two
#   API nodes of one service, the same token is allowed by one node and
#   refused by the other. Only nodes that set the option are compared (its
#   default changes between releases), among the nodes running the
#   service's API.
# custom:
#   id: SL-POL-013
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Set both options to the same value on every API node of the service
#     (in configuration management, from one variable).
package stacklint.rules.policy.enforcement_drift

import data.stacklint.lib
import data.stacklint.lib.policy

_bool(v) := "true" if lower(trim_space(v)) in {"true", "1", "yes", "on"}

else := "false" if lower(trim_space(v)) in {"false", "0", "no", "off"}

else := v

_copies(svc, key) := [{"v": _bool(occ.value), "loc": lib.loc(f, "oslo_policy", key, occ), "node": name} |
	some name, node in input.nodes
	lib.runs(node, policy.api[svc])
	f := node.files[policy.config[svc]]
	occ := lib.last(f, "oslo_policy", key)
]

report contains finding if {
	some svc, _ in policy.api
	some key in ["enforce_new_defaults", "enforce_scope"]
	some [c, r] in lib.drift(_copies(svc, key))
	finding := {
		"message": sprintf("%s: [oslo_policy] %s is %s on %s but %s on %s: the same token is allowed by one API node and refused by the other", [svc, key, c.v, c.node, r.v, r.node]),
		"locations": [c.loc, r.loc],
	}
}
