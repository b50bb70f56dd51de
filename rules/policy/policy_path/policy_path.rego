# METADATA
# title: policy_file or policy_dirs does not resolve, or a policy file is not read
# description: |
#   oslo.policy finds policy_file relative to the directories of the
#   service's configuration files (or as an absolute path) and merges every
#   file of each policy_dirs directory over it. When policy_file names a
#   file that is not there, the service runs on its registered defaults and
#   only logs that the file was not found; a policy_dirs entry without files
#   adds nothing. The other side of the same mistake is a policy file in the
#   service's directory that neither setting reaches: its overrides look
#   deployed and are not. (A policy.json left behind by the move to
#   policy.yaml is SL-POL-007's; packaged samples such as keystone's
#   policy.v3cloudsample.json are left alone.) Paths are resolved inside the
#   snapshot; policy files are discovered as *policy*.json|yaml|yml and
#   policy.d/* in each service's directory. A snapshot that holds no policy
#   file of any service was collected without them (only *.conf and *.ini,
#   as the corpus's devstack one): a setting naming a file is then only an
#   info that it could not be checked.
# custom:
#   id: SL-POL-008
#   scope: aggregate
#   severity: warning
#   inputs: [config, policy]
#   remediation: |
#     Point [oslo_policy] policy_file / policy_dirs at the files the service
#     should read (or move the files there), and delete policy files nothing
#     reads.
package stacklint.rules.policy.policy_path

import data.stacklint.lib.policy

_what(e) := sprintf("names %s, which is not in the snapshot: %s runs on its registered defaults", [e.resolved, e.service]) if e.option == "policy_file"

else := sprintf("names %s, which holds no policy file in the snapshot", [e.resolved])

# aggregate: each node's policy_file or policy_dirs that is set and does
# not resolve ({"unresolved": [node, policy_settings entry]}: whether the
# snapshot holds any policy file is the fleet's, input.policies whole in
# the report), and each unread policy file's finding, which depends on its
# node alone ({"finding": finding}).
aggregate contains {"unresolved": [name, e]} if {
	some name, node in input.nodes
	some e in node.policy_settings
	e.set
	not e.found
}

aggregate contains {"finding": finding} if some finding in _unread

report contains finding if {
	some r in aggregate
	[name, e] := r.unresolved
	finding := _unresolved(name, e)
}

report contains r.finding if some r in aggregate

_unresolved(name, e) := {
	"message": sprintf("%s [oslo_policy] %s = %s on %s %s", [policy.base(policy.config[e.service]), e.option, e.value, name, _what(e)]),
	"locations": [{"path": e.path, "node": name, "line": e.line, "column": e.column, "section": "oslo_policy", "key": e.option}],
} if {
	count(input.policies) > 0
} else := {
	"message": sprintf("%s [oslo_policy] %s = %s on %s names %s; the snapshot holds no policy file of any service, so whether it is there cannot be told", [policy.base(policy.config[e.service]), e.option, e.value, name, e.resolved]),
	"severity": "info",
	"locations": [{"path": e.path, "node": name, "line": e.line, "column": e.column, "section": "oslo_policy", "key": e.option}],
}

# _json_left: a policy.json SL-POL-007 explains (policy_file unset).
_json_left(p) if {
	policy.base(p.path) == "policy.json"
	some s in policy.setting(p.node, p.service, "policy_file")
	not s.set
}

_unread contains finding if {
	some p in input.policies
	p.read_as == ""
	not _json_left(p)
	not contains(policy.base(p.path), "sample")
	files := [sprintf("%s = %s", [e.option, e.value]) | some e in input.nodes[p.node].policy_settings; e.service == p.service]
	finding := {
		"message": sprintf("%s on %s does not read %s (%s): its overrides have no effect", [p.service, p.node, p.path, concat(", ", files)]),
		"locations": [{"path": p.path, "node": p.node, "line": 1, "column": 1}],
	}
}
