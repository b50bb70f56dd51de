# METADATA
# title: Mechanism driver removed from the release checked against
# description: |
#   The linuxbridge mechanism driver and its agent were removed in neutron
#   26.0.0 (2025.1, commit "Remove linuxbridge driver"). A deployment that
#   upgrades with mechanism_drivers still naming linuxbridge has a
#   neutron-server that fails to load the driver and stops, and compute
#   nodes whose neutron-linuxbridge-agent no longer exists. Checked only
#   when the release is known (--release or release: in .stacklint.yaml).
# custom:
#   id: SL-NET-021
#   scope: aggregate
#   severity: error
#   inputs: [ml2_conf.ini, linuxbridge_agent.ini]
#   remediation: |
#     Migrate to the openvswitch or OVN mechanism driver before upgrading
#     to neutron 26.0.0 (2025.1), or check against the release the
#     deployment actually runs.
package stacklint.rules.network.removed_driver

import data.stacklint.lib
import data.stacklint.lib.network as net

# _removed: driver → [neutron version, series] that removed it.
_removed := {"linuxbridge": ["26.0.0", "2025.1"]}

# aggregate: the findings of each node's own ML2 file ({"finding":
# finding}), whether an ML2 file names linuxbridge ({"listed":
# "linuxbridge"}) and each node's linuxbridge agent findings ({"agent":
# finding}), which the report keeps when no ML2 file of the fleet names
# the driver.
aggregate contains {"finding": finding} if {
	some [_, f] in lib.files("ml2_conf.ini")
	some driver in net.mechanism_drivers(f)
	[version, series] := _removed[driver]
	lib.service_release_at_least(f.node, "neutron", series)
	finding := {
		"message": sprintf("%s names %s, which neutron %s (%s) removed; the release checked against is %s: neutron-server fails to load it", [net.ml2_named(f, "mechanism_drivers"), driver, version, series, lib.release_of(f)]),
		"locations": [net.ml2_at(f, "mechanism_drivers")],
	}
}

aggregate contains {"listed": "linuxbridge"} if {
	some [_, f] in lib.files("ml2_conf.ini")
	"linuxbridge" in net.mechanism_drivers(f)
}

# A node with only the agent's file (a compute node's snapshot without the
# server) still runs an agent the release no longer ships.
aggregate contains {"agent": finding} if {
	[version, series] := _removed.linuxbridge
	some [_, f] in lib.files("linuxbridge_agent.ini")
	lib.service_release_at_least(f.node, "neutron", series)
	lib.runs(input.nodes[f.node], "neutron-linuxbridge-agent")
	finding := {
		"message": sprintf("%s on %s configures neutron-linuxbridge-agent, which neutron %s (%s) removed; the release checked against is %s", [f.path, f.node, version, series, lib.release_of(f)]),
		"locations": [{"path": f.path, "node": f.node, "line": 1, "column": 1}],
	}
}

report contains r.finding if {
	some r in aggregate
	r.finding
}

report contains r.agent if {
	not {"listed": "linuxbridge"} in aggregate
	some r in aggregate
	r.agent
}
