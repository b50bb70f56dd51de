# METADATA
# title: Compute nodes overcommit differently
# description: |
#   For the record: the allocation ratios ([DEFAULT] cpu_allocation_ratio,
#   ram_allocation_ratio, disk_allocation_ratio, and the initial_* forms)
#   a compute node reports to placement decide how much it accepts. One
#   node set apart from its peers is often a leftover rather than a
#   choice, and it fills up (or stays empty) unlike the others.
#   A node that leaves a ratio unset runs with its release's default
#   (cpu 16.0, ram 1.5, disk 1.0 before Stein; None from Stein on, the
#   initial_* ratios 4.0, 1.0, 1.0 then apply at its first report), which
#   is compared like a written value. Compute nodes are peers: no node is
#   the authority, so each differing node is compared with the value most
#   of them hold (on a tie, the first by path), and the message says which.
# custom:
#   id: SL-NOVA-015
#   scope: aggregate
#   severity: info
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, DEFAULT, cpu_allocation_ratio]
#     - [nova.conf, DEFAULT, ram_allocation_ratio]
#     - [nova.conf, DEFAULT, disk_allocation_ratio]
#     - [nova.conf, DEFAULT, initial_cpu_allocation_ratio]
#     - [nova.conf, DEFAULT, initial_ram_allocation_ratio]
#     - [nova.conf, DEFAULT, initial_disk_allocation_ratio]
#   remediation: |
#     Use the same ratios on every compute node of a host aggregate, or
#     set per-node ratios deliberately through placement and note why.
package stacklint.rules.nova.allocation_ratios

import data.stacklint.lib
import data.stacklint.lib.settings

_kinds := lib.compute_kinds

_keys := [
	"cpu_allocation_ratio", "ram_allocation_ratio", "disk_allocation_ratio",
	"initial_cpu_allocation_ratio", "initial_ram_allocation_ratio", "initial_disk_allocation_ratio",
]

_computes := [node | some node in input.nodes; "compute" in node.roles]

# aggregate: each compute node ({"compute": name}) and its ratio of each
# option ({"copy": [key, {v, shown, where, loc, written}]}); the report
# compares the copies of each option over the fleet.
aggregate contains {"compute": name} if {
	some name, node in input.nodes
	"compute" in node.roles
}

aggregate contains {"copy": [key, c]} if {
	some key in _keys
	some c in _node_copies(key)
}

_compute_count := count({r.compute | some r in aggregate; r.compute})

_copies(key) := {r.copy[1] | some r in aggregate; r.copy[0] == key}

# _node_copies are the ratio in effect on every compute node: written, or
# its release's default (a node whose release default is unknown is left
# out).
_node_copies(key) := {c |
	some node in _computes
	s := lib.setting(node, _kinds, "DEFAULT", key)
	not _older_default(s) # the defaults changed in Stein: the oldest schema's are not an older file's
	c := {"v": _number(s.value), "shown": _shown(s), "where": lib.where(s.file, "DEFAULT", key), "loc": settings.at(s, "DEFAULT", key), "written": s.written}
}

_older_default(s) if {
	not s.written
	s.file.release.below_oldest
}

_number(v) := to_number(trim_space(v)) if regex.match(`^\s*[0-9.]+\s*$`, v)

else := v

_shown(s) := s.value if s.written

else := sprintf("unset (its default in %s, %s)", [s.release, settings.shown(s.value)])

report contains finding if {
	_compute_count > 1
	some key in _keys
	copies := _copies(key)
	count(copies) == _compute_count
	count([c | some c in copies; c.written]) > 0 # some node chose a ratio
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (compute nodes are peers, none is the authority: %s)", [c.where, c.shown, r.where, r.shown, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
