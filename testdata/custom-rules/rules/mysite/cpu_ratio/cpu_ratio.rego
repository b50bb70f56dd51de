# METADATA
# title: CPU overcommit stays within our limit
# description: |
#   Our compute nodes may overcommit CPUs up to max_ratio (a parameter,
#   4 unless .stacklint.yaml says otherwise).
# custom:
#   id: MYSITE-002
#   severity: warning
#   scope: node
#   inputs: [nova.conf]
#   params:
#     max_ratio: 4
#   remediation: |
#     Lower cpu_allocation_ratio to max_ratio or less.
package stacklint.rules.mysite.cpu_ratio

import data.stacklint.lib

_max := object.get(input, ["params", "MYSITE-002", "max_ratio"], 4)

report contains finding if {
	some [f, "DEFAULT", "cpu_allocation_ratio", occ] in lib.keyed(["cpu_allocation_ratio"])
	to_number(occ.value) > _max
	finding := {
		"message": sprintf("%s is %s, above our limit of %v", [lib.where(f, "DEFAULT", "cpu_allocation_ratio"), occ.value, _max]),
		"locations": [lib.loc(f, "DEFAULT", "cpu_allocation_ratio", occ)],
	}
}
