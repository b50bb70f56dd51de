# METADATA
# title: Policies differ between nodes that run the same API
# description: |
#   Every API node of a service should enforce the same policies. When one
#   controller's policy file differs (an override added on one node, a file
#   missing on another), the answer to an API call depends on which node
#   the load balancer picks: a user is refused, retries and succeeds. The
#   comparison is of what each node enforces: the rules of the policy files
#   its service reads (policy_dirs over policy_file), parsed as oslo.policy
#   parses them, so formatting does not count; a rule a node does not
#   override is its registered default there. Nodes are those running the
#   service's API or holding its policy files. They are peers, none is
#   the authority: each policy is compared with what most of them enforce
#   (the first node by path on a tie), and the message says so.
# custom:
#   id: SL-POL-012
#   scope: aggregate
#   severity: error
#   inputs: [policy]
#   remediation: |
#     Deploy the same policy files to every API node of the service (from
#     one source in configuration management), then reload the services.
package stacklint.rules.policy.policy_drift

import data.stacklint.lib
import data.stacklint.lib.policy

# The model's policies_in_force (node → service → policy name → the
# definition in force there, computed in Go) is what each node enforces.

# aggregate, each from its own node: each node of a service's group, the
# nodes holding its policies in force or running its API ({"member": [svc,
# node, enforces, where its policies are]}, enforces when it holds them),
# and each policy in force ({"policy": [svc, node, name, definition,
# location]}); the report compares the members' policies.
aggregate contains {"member": [svc, name, _enforces(node, svc), _where_or_null(svc, name)]} if {
	some name, node in input.nodes
	some svc in _node_services(node)
}

aggregate contains {"policy": [svc, name, n, d.str, _def_loc(d, name, n)]} if {
	some name, node in input.nodes
	some svc, defs in node.policies_in_force
	some n, d in defs
}

# _node_services: the services whose policies a node holds or whose API it
# runs.
_node_services(node) := {svc | some svc, _ in node.policies_in_force} | {svc | some svc, api in policy.api; lib.runs(node, api)}

_enforces(node, svc) if node.policies_in_force[svc]

default _enforces(_, _) := false

_def_loc(d, node, name) := {"path": d.path, "node": node, "line": d.line, "column": d.column, "key": name}

_services := {m.member[0] | some m in aggregate; m.member[2]}

# _members: the nodes of a service's group.
_members(svc) := {m.member[1] | some m in aggregate; m.member[0] == svc}

# _wheres: where each member's policies of a service are, by [svc, node].
_wheres := {[m.member[0], m.member[1]]: m.member[3] | some m in aggregate; m.member}

# _defs: each policy in force, [definition, location] by [svc, node, name].
_defs := {[p.policy[0], p.policy[1], p.policy[2]]: [p.policy[3], p.policy[4]] | some p in aggregate; p.policy}

_names(svc) := {p.policy[2] | some p in aggregate; p.policy[0] == svc}

_copy(svc, node, name) := {"v": d[0], "node": node, "name": name, "loc": d[1]} if {
	d := _defs[[svc, node, name]]
} else := {"v": "(its default)", "node": node, "name": name, "loc": w} if {
	w := _wheres[[svc, node]]
	w != null
}

_where_or_null(svc, node) := w if w := _where(svc, node)

else := null

_where(svc, node) := {"path": p.path, "node": node, "line": 1} if {
	some p in input.policies
	p.node == node
	p.service == svc
	policy.read(p)
} else := {"path": sprintf("%s/%s", [node, policy.config[svc]]), "node": node}

_pairs contains [svc, c, r] if {
	some svc in _services
	members := _members(svc)
	count(members) > 1
	some name in _names(svc)
	copies := [_copy(svc, node, name) | some node in members]
	some [c, r] in lib.drift(copies)
}

report contains finding if {
	some [svc, c0, _] in _pairs
	node := c0.node
	diffs := sort([[c.name, c, r] | some [s, c, r] in _pairs; s == svc; c.node == node])
	shown := [sprintf("%s is %s here, %s on %s", [d[0], _q(d[1].v), _q(d[2].v), d[2].node]) | some i, d in diffs; i < 3]
	more := _more(count(diffs))
	finding := {
		"message": sprintf("%s policies on %s differ from the other %s API nodes (%s%s; the API nodes are peers, none is the authority: each policy is compared with what most of them enforce, the first node by path on a tie): authorisation depends on which node serves the request", [svc, node, svc, concat("; ", shown), more]),
		"locations": array.concat([d[1].loc | some d in diffs], [diffs[0][2].loc]),
	}
}

_q(v) := v if v == "(its default)"

else := sprintf("'%s'", [v])

_more(n) := sprintf("; %d more", [n - 3]) if n > 3

else := ""
