# METADATA
# title: enforce_scope / enforce_new_defaults differ between nodes
# description: |
#   [oslo_policy] enforce_new_defaults decides whether the deprecated
#   default of each policy is still OR-ed into the new one; enforce_scope
#   whether a token of the wrong scope is refused. Set differently on two
#   API nodes of one service, the same token is allowed by one node and
#   refused by the other. Compared among the nodes running the service's
#   API, on the value in effect: written, else the default of the node's
#   release (it changes between releases: nova's enforce_scope and
#   enforce_new_defaults became true in 2023.1), so one node setting the
#   option and another leaving an other default in force also differ.
#   The API nodes are peers: a differing node is compared with the value
#   most hold (on a tie, a written value, then the first by path), and the
#   message says which.
# custom:
#   id: SL-POL-013
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   defaults:
#     - [nova.conf, oslo_policy, enforce_new_defaults]
#     - [nova.conf, oslo_policy, enforce_scope]
#     - [neutron.conf, oslo_policy, enforce_new_defaults]
#     - [neutron.conf, oslo_policy, enforce_scope]
#     - [keystone.conf, oslo_policy, enforce_new_defaults]
#     - [keystone.conf, oslo_policy, enforce_scope]
#     - [glance-api.conf, oslo_policy, enforce_new_defaults]
#     - [glance-api.conf, oslo_policy, enforce_scope]
#     - [placement.conf, oslo_policy, enforce_new_defaults]
#     - [placement.conf, oslo_policy, enforce_scope]
#   remediation: |
#     Set both options to the same value on every API node of the service
#     (in configuration management, from one variable).
package stacklint.rules.policy.enforcement_drift

import data.stacklint.lib
import data.stacklint.lib.policy
import data.stacklint.lib.settings

# _kind is the kind of each service's main configuration file.
_kind := {"nova": "nova.conf", "neutron": "neutron.conf", "keystone": "keystone.conf", "glance": "glance-api.conf", "placement": "placement.conf"}

_bool(v) := "true" if lower(trim_space(v)) in {"true", "1", "yes", "on"}

else := "false" if lower(trim_space(v)) in {"false", "0", "no", "off"}

else := v

# aggregate: the value in effect on each API node ({"copy": [svc, key,
# {v, shown, loc, node, rank}]}, from its own node's files); the report
# compares the copies of each service and option over the fleet.
aggregate contains {"copy": [svc, key, c]} if {
	some svc, _ in policy.api
	some key in _keys
	some c in _node_copies(svc, key)
}

_keys := ["enforce_new_defaults", "enforce_scope"]

# _copies are the copies of an option over the fleet.
_copies(svc, key) := [r.copy[2] | some r in aggregate; r.copy[0] == svc; r.copy[1] == key]

# _node_copies: the value in effect on each API node of the service (rank
# 0 written, 1 the release's default: a written value is the reference on
# a tie). A node without the service's configuration, or whose release
# does not know the option, is left out.
_node_copies(svc, key) := [{"v": _bool(s.value), "shown": _shown(s), "loc": settings.at(s, "oslo_policy", key), "node": name, "rank": _rank(s)} |
	some name, node in input.nodes
	lib.runs(node, policy.api[svc])
	node.files[policy.config[svc]]
	s := lib.setting(node, [_kind[svc]], "oslo_policy", key)
]

_rank(s) := 0 if s.written

else := 1

_shown(s) := _bool(s.value) if s.written

else := sprintf("%s (not set: its default in %s)", [_bool(s.value), s.release])

report contains finding if {
	some svc, _ in policy.api
	some key in _keys
	copies := _copies(svc, key)
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s: [oslo_policy] %s is %s on %s but %s on %s (API nodes are peers, none is the authority: %s): the same token is allowed by one API node and refused by the other", [svc, key, c.shown, c.node, r.shown, r.node, lib.compared_pref(copies, r, "the value written")]),
		"locations": [c.loc, r.loc],
	}
}
