# METADATA
# title: CPU pinning options conflict
# description: |
#   Since Train nova-compute refuses to start when [DEFAULT] vcpu_pin_set
#   is set together with [compute] cpu_dedicated_set or cpu_shared_set
#   ("vcpu_pin_set cannot be used with the [compute] cpu_dedicated_set or
#   [compute] cpu_shared_set options"), and when the two sets share a host
#   CPU. The sets are read as nova reads them: "0-7,^3,12".
# custom:
#   id: SL-NOVA-012
#   scope: node
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Move the pinned CPUs from vcpu_pin_set to [compute] cpu_dedicated_set
#     (and shared ones to cpu_shared_set), delete vcpu_pin_set, and keep
#     the two sets disjoint.
package stacklint.rules.nova.cpu_pinning

import data.stacklint.lib

_kinds := lib.compute_kinds

# cpus parses a nova CPU spec: ranges, single CPUs and ^exclusions.
cpus(spec) := included - excluded if {
	items := [t | some x in split(spec, ","); t := trim_space(x); t != ""]
	included := {n | some t in items; not startswith(t, "^"); some n in _range(t)}
	excluded := {to_number(trim_prefix(t, "^")) | some t in items; startswith(t, "^")}
}

_range(t) := numbers.range(to_number(p[0]), to_number(p[1])) if {
	p := split(t, "-")
	count(p) == 2
} else := [to_number(t)]

report contains finding if {
	some name, node in input.nodes
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", "vcpu_pin_set")
	some key in ["cpu_dedicated_set", "cpu_shared_set"]
	[g, other] := lib.effective(node, _kinds, "compute", key)
	finding := {
		"message": sprintf("%s and %s are both set: nova-compute on %s does not start (Train and later)", [lib.where(f, "DEFAULT", "vcpu_pin_set"), lib.where(g, "compute", key), name]),
		"locations": [lib.loc(f, "DEFAULT", "vcpu_pin_set", occ), lib.loc(g, "compute", key, other)],
	}
}

report contains finding if {
	some name, node in input.nodes
	[f, ded] := lib.effective(node, _kinds, "compute", "cpu_dedicated_set")
	[g, sh] := lib.effective(node, _kinds, "compute", "cpu_shared_set")
	both := cpus(ded.value) & cpus(sh.value)
	count(both) > 0
	finding := {
		"message": sprintf("%s and %s share CPU(s) %s: nova-compute on %s does not start", [lib.where(f, "compute", "cpu_dedicated_set"), lib.where(g, "compute", "cpu_shared_set"), concat(",", [sprintf("%d", [n]) | some n in sort(both)]), name]),
		"locations": [lib.loc(f, "compute", "cpu_dedicated_set", ded), lib.loc(g, "compute", "cpu_shared_set", sh)],
	}
}
