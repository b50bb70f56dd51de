package stacklint.rules.host.hosts_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.hosts_drift as rule

test_none if {
	r := rule.report with input as object.union(fx.deployment([]), {"hosts_conflicts": []})
	r == set()
}

test_conflict if {
	c := {"name": "controller", "node": "c2", "path": "c2/etc/hosts", "line": 3, "addrs": "10.0.0.12", "ref_node": "c1", "ref_path": "c1/etc/hosts", "ref_line": 3, "ref_addrs": "10.0.0.11"}
	r := rule.report with input as object.union(fx.deployment([]), {"hosts_conflicts": [c]})
	r == {{
		"message": "c2/etc/hosts maps 'controller' to 10.0.0.12, but c1/etc/hosts maps it to 10.0.0.11 (as most nodes do): c2 reaches another machine",
		"locations": [{"path": "c2/etc/hosts", "node": "c2", "line": 3, "column": 1}, {"path": "c1/etc/hosts", "node": "c1", "line": 3, "column": 1}],
	}}
}
