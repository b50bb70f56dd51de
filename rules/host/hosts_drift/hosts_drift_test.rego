package stacklint.rules.host.hosts_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.hosts_drift as rule

test_none if {
	r := rule.report with input as object.union(fx.deployment([]), {"hosts_conflicts": []})
	r == set()
}

test_conflict if {
	c := {"name": "controller", "node": "c2", "path": "c2/etc/hosts", "line": 3, "addrs": "10.0.0.12", "ref_node": "c1", "ref_path": "c1/etc/hosts", "ref_line": 3, "ref_addrs": "10.0.0.11", "basis": "majority", "why": "no interface configuration of controller in the snapshot", "ref_count": 2, "copies": 3}
	r := rule.report with input as object.union(fx.deployment([]), {"hosts_conflicts": [c]})
	r == {{
		"message": "c2/etc/hosts maps 'controller' to 10.0.0.12, but c1/etc/hosts maps it to 10.0.0.11 (no interface configuration of controller in the snapshot: compared with the majority, 2 of 3): c2 reaches another machine",
		"locations": [{"path": "c2/etc/hosts", "node": "c2", "line": 3, "column": 1}, {"path": "c1/etc/hosts", "node": "c1", "line": 3, "column": 1}],
	}}
}

test_interfaces_are_the_authority if {
	c := {
		"name": "controller", "node": "c2", "path": "c2/etc/hosts", "line": 3, "addrs": "10.0.0.12",
		"ref_node": "c1", "ref_path": "c1/etc/hosts", "ref_line": 3, "ref_addrs": "10.0.0.11",
		"basis": "interfaces", "target": "controller", "iface_path": "controller/etc/network/interfaces", "iface_line": 7, "iface_addrs": "10.0.0.11",
	}
	r := rule.report with input as object.union(fx.deployment([]), {"hosts_conflicts": [c]})
	r == {{
		"message": "c2/etc/hosts maps 'controller' to 10.0.0.12, but controller's own interface configuration holds 10.0.0.11 (controller/etc/network/interfaces:7), as c1/etc/hosts maps it: c2 reaches another machine",
		"locations": [{"path": "c2/etc/hosts", "node": "c2", "line": 3, "column": 1}, {"path": "c1/etc/hosts", "node": "c1", "line": 3, "column": 1}, {"path": "controller/etc/network/interfaces", "node": "controller", "line": 7, "column": 1}],
	}}
}
