# METADATA
# title: Nodes resolve one name to different addresses
# description: |
#   Every node resolves the names in the configs (controller, the broker,
#   the database host) through its own /etc/hosts. When one node maps a name
#   to another address than the rest, its services talk to another machine
#   (or nothing) while every config file looks identical to its peers'.
#   Loopback entries are left out (SL-HOST-002).
# custom:
#   id: SL-HOST-003
#   severity: warning
#   inputs: [hosts]
#   remediation: |
#     Give every node the same /etc/hosts entries for shared names (or
#     generate /etc/hosts from one source).
package stacklint.rules.host.hosts_drift

report contains finding if {
	some c in input.hosts_conflicts
	finding := {
		"message": sprintf("%s maps '%s' to %s, but %s maps it to %s (as most nodes do): %s reaches another machine", [c.path, c.name, c.addrs, c.ref_path, c.ref_addrs, c.node]),
		"locations": [
			{"path": c.path, "node": c.node, "line": c.line, "column": 1},
			{"path": c.ref_path, "node": c.ref_node, "line": c.ref_line, "column": 1},
		],
	}
}
