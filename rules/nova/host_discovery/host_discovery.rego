# METADATA
# title: New compute nodes are not discovered automatically
# description: |
#   For the record: a new compute node serves instances only once it is
#   mapped to a cell. Without [scheduler] discover_hosts_in_cells_interval
#   (unset or -1, the default) on the scheduler nodes someone has to run
#   `nova-manage cell_v2 discover_hosts` after every new compute node, or
#   it stays unused ("Host is not mapped to any cell"). Cells v2 came with
#   Ocata; older deployments are left alone. The value is the one in
#   effect across the files nova-scheduler loads (RDO's nova-dist.conf,
#   nova.conf, nova.conf.d): unset, it is its release's default, -1.
# custom:
#   id: SL-NOVA-016
#   scope: aggregate
#   severity: info
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, scheduler, discover_hosts_in_cells_interval]
#   remediation: |
#     Set [scheduler] discover_hosts_in_cells_interval = 300 on the
#     nova-scheduler nodes, or run nova-manage cell_v2 discover_hosts as
#     part of adding a compute node.
package stacklint.rules.nova.host_discovery

import data.stacklint.lib
import data.stacklint.lib.settings

_key := "discover_hosts_in_cells_interval"

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each nova-api node's finding ({"finding":
# finding}); the report keeps them when some node of the fleet is
# Queens or later.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [name, _] in lib.files("nova.conf")
	lib.runs(input.nodes[name], "nova-api")
	s := lib.setting(input.nodes[name], ["nova.conf"], "scheduler", _key)
	not _on(s)
	finding := {
		"message": sprintf("%s: compute nodes added later stay unmapped until someone runs nova-manage cell_v2 discover_hosts", [_shown(s)]),
		"locations": [settings.at(s, "scheduler", _key)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}

# _on: a positive interval (seconds) runs discovery periodically.
_on(s) if to_number(trim_space(s.value)) > 0

_shown(s) := sprintf("%s is %s", [lib.where(s.file, "scheduler", _key), s.value]) if s.written

else := settings.unset(s, "scheduler", _key)
