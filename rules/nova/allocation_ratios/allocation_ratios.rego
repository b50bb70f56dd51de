# METADATA
# title: Compute nodes overcommit differently
# description: |
#   For the record: the allocation ratios ([DEFAULT] cpu_allocation_ratio,
#   ram_allocation_ratio, disk_allocation_ratio, and the initial_* forms)
#   a compute node reports to placement decide how much it accepts. One
#   node set apart from its peers is often a leftover rather than a
#   choice, and it fills up (or stays empty) unlike the others.
# custom:
#   id: SL-NOVA-015
#   severity: info
#   inputs: [nova.conf]
#   remediation: |
#     Use the same ratios on every compute node of a host aggregate, or
#     set per-node ratios deliberately through placement and note why.
package stacklint.rules.nova.allocation_ratios

import data.stacklint.lib

_kinds := ["nova.conf", "nova-compute.conf"]

_keys := [
	"cpu_allocation_ratio", "ram_allocation_ratio", "disk_allocation_ratio",
	"initial_cpu_allocation_ratio", "initial_ram_allocation_ratio", "initial_disk_allocation_ratio",
]

_computes := [node | some node in input.nodes; "compute" in node.roles]

_copies(key) := {c |
	some node in _computes
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", key)
	c := {"v": to_number(occ.value), "shown": occ.value, "where": lib.where(f, "DEFAULT", key), "loc": lib.loc(f, "DEFAULT", key, occ)}
}

report contains finding if {
	count(_computes) > 1
	some key in _keys
	copies := _copies(key)
	count(copies) == count(_computes) # unset somewhere: the default applies, not a choice seen here
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but most compute nodes use %s (%s)", [c.where, c.shown, r.shown, r.where]),
		"locations": [c.loc, r.loc],
	}
}
