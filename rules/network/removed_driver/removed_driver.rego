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

report contains finding if {
	some [_, f] in lib.files("ml2_conf.ini")
	some driver in net.mechanism_drivers(f)
	[version, series] := _removed[driver]
	lib.service_release_at_least(f.node, "neutron", series)
	finding := {
		"message": sprintf("%s names %s, which neutron %s (%s) removed; the release checked against is %s: neutron-server fails to load it", [net.ml2_named(f, "mechanism_drivers"), driver, version, series, lib.release_of(f)]),
		"locations": [net.ml2_at(f, "mechanism_drivers")],
	}
}

# A node with only the agent's file (a compute node's snapshot without the
# server) still runs an agent the release no longer ships.
report contains finding if {
	not _driver_listed("linuxbridge")
	[version, series] := _removed.linuxbridge
	some [_, f] in lib.files("linuxbridge_agent.ini")
	lib.service_release_at_least(f.node, "neutron", series)
	lib.runs(input.nodes[f.node], "neutron-linuxbridge-agent")
	finding := {
		"message": sprintf("%s on %s configures neutron-linuxbridge-agent, which neutron %s (%s) removed; the release checked against is %s", [f.path, f.node, version, series, lib.release_of(f)]),
		"locations": [{"path": f.path, "node": f.node, "line": 1, "column": 1}],
	}
}

_driver_listed(driver) if {
	some [_, f] in lib.files("ml2_conf.ini")
	driver in net.mechanism_drivers(f)
}
