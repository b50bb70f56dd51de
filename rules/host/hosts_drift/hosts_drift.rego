# METADATA
# title: Nodes resolve one name to different addresses
# description: |
#   Every node resolves the names in the configs (controller, the broker,
#   the database host) through its own /etc/hosts. When one node maps a name
#   to another address than the rest, its services talk to another machine
#   (or nothing) while every config file looks identical to its peers'.
#   The authority for a name is the node it names: when some nodes map it
#   only to addresses that node's own interface configuration holds
#   (ifcfg, interfaces, netplan, NetworkManager), every node mapping it
#   elsewhere is reported, however many they are. Otherwise the addresses
#   most nodes use are taken, and the message says why. Loopback entries
#   are left out (SL-HOST-002).
# custom:
#   id: SL-HOST-003
#   scope: node
#   severity: warning
#   inputs: [hosts]
#   remediation: |
#     Give every node the same /etc/hosts entries for shared names (or
#     generate /etc/hosts from one source).
package stacklint.rules.host.hosts_drift

import data.stacklint.lib

report contains finding if {
	some c in input.hosts_conflicts
	finding := {
		"message": _message(c),
		"locations": array.concat(
			[
				{"path": c.path, "node": c.node, "line": c.line, "column": 1},
				{"path": c.ref_path, "node": c.ref_node, "line": c.ref_line, "column": 1},
			],
			[{"path": c.iface_path, "node": c.target, "line": c.iface_line, "column": 1} | c.basis == "interfaces"],
		),
	}
}

_message(c) := sprintf("%s maps '%s' to %s, but %s's own interface configuration holds %s (%s:%d), as %s maps it: %s reaches another machine", [c.path, c.name, c.addrs, c.target, c.ref_addrs, c.iface_path, c.iface_line, c.ref_path, c.node]) if c.basis == "interfaces"

else := sprintf("%s maps '%s' to %s, but %s maps it to %s (%s: %s, %d of %d): %s reaches another machine", [c.path, c.name, c.addrs, c.ref_path, c.ref_addrs, c.why, lib.compared_n(c.ref_count, c.copies), c.ref_count, c.copies, c.node])
