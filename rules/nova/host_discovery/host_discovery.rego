# METADATA
# title: New compute nodes are not discovered automatically
# description: |
#   For the record: a new compute node serves instances only once it is
#   mapped to a cell. Without [scheduler] discover_hosts_in_cells_interval
#   (unset or -1, the default) on the scheduler nodes someone has to run
#   `nova-manage cell_v2 discover_hosts` after every new compute node, or
#   it stays unused ("Host is not mapped to any cell"). Cells v2 came with
#   Ocata; older deployments are left alone.
# custom:
#   id: SL-NOVA-016
#   severity: info
#   inputs: [nova.conf]
#   remediation: |
#     Set [scheduler] discover_hosts_in_cells_interval = 300 on the
#     nova-scheduler nodes, or run nova-manage cell_v2 discover_hosts as
#     part of adding a compute node.
package stacklint.rules.nova.host_discovery

import data.stacklint.lib

report contains finding if {
	lib.queens_or_later
	some [name, f] in lib.files("nova.conf")
	lib.runs(input.nodes[name], "nova-api")
	not _on(f)
	finding := {
		"message": sprintf("%s is %s: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts", [lib.where(f, "scheduler", "discover_hosts_in_cells_interval"), _shown(f)]),
		"locations": [_at(f)],
	}
}

_on(f) if to_number(lib.last(f, "scheduler", "discover_hosts_in_cells_interval").value) > 0

_shown(f) := lib.last(f, "scheduler", "discover_hosts_in_cells_interval").value if lib.has(f, "scheduler", "discover_hosts_in_cells_interval")

else := "not set"

_at(f) := lib.loc(f, "scheduler", "discover_hosts_in_cells_interval", lib.last(f, "scheduler", "discover_hosts_in_cells_interval")) if lib.has(f, "scheduler", "discover_hosts_in_cells_interval")

else := {"path": f.path, "node": f.node, "section": "scheduler", "key": "discover_hosts_in_cells_interval"}
