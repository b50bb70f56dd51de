# METADATA
# title: L2 agent mapping invalid or not unique
# description: |
#   The linuxbridge agent's physical_interface_mappings and bridge_mappings
#   and the Open vSwitch agent's bridge_mappings are read with neutron's
#   helpers.parse_mappings: every item must be physnet:name, and both the
#   physical networks and the names must be unique. Otherwise the agent
#   stops at start ("Parsing physical_interface_mappings failed: Value eth1
#   in mapping: 'vxlan:eth1' not unique. Agent terminated!"), and no port
#   on the node binds. One interface cannot carry two physical networks:
#   use VLANs of one physical network instead. The SR-IOV agent's
#   physical_device_mappings must be physnet:name too, but may repeat a
#   physical network or a device.
# custom:
#   id: SL-NET-023
#   scope: node
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini, plugin.ini, sriov_agent.ini]
#   remediation: |
#     Write each mapping as physnet:name, once per physical network and
#     once per interface or bridge (physical_interface_mappings =
#     provider:eth1), then restart the agent.
package stacklint.rules.network.mapping_unique

import data.stacklint.lib.interfaces as ifs
import data.stacklint.lib.settings

report contains finding if {
	some m in ifs.mappings
	some [item, k, v] in m.items
	k == ""
	finding := _finding(m, sprintf("Invalid mapping: '%s' (not physnet:name)", [item]))
}

report contains finding if {
	some m in ifs.mappings
	some [item, k, v] in m.items
	k != ""
	v == ""
	finding := _finding(m, sprintf("Missing value in mapping: '%s'", [item]))
}

report contains finding if {
	some m in ifs.mappings
	m.unique
	some i, [item, k, v] in m.items
	k != ""
	some j, [_, k2, _] in m.items
	j < i
	k2 == k
	finding := _finding(m, sprintf("Key %s in mapping: '%s' not unique", [k, item]))
}

report contains finding if {
	some m in ifs.mappings
	m.unique
	some i, [item, k, v] in m.items
	v != ""
	some j, [_, k2, v2] in m.items
	j < i
	k2 != ""
	v2 == v
	finding := _finding(m, sprintf("Value %s in mapping: '%s' not unique", [v, item]))
}

_finding(m, why) := {
	"message": sprintf("%s [%s] %s on %s: %s: neutron-%s-agent stops at start (Parsing %s failed) and no port binds there", [m.setting.file.kind, m.section, m.key, m.agent.node, why, m.agent.type, m.key]),
	"locations": [settings.at(m.setting, m.section, m.key)],
}
