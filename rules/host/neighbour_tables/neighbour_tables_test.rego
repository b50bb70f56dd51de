package stacklint.rules.host.neighbour_tables_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.host.neighbour_tables as rule

_node(ds) := fx.node("n1", ["neutron-l3-agent"], [{"kind": "sysctl", "path": "n1/etc/sysctl.conf", "node": "n1", "directives": ds}])

test_raised if {
	r := rule.report with input as fx.deployment([_node([{"line": 1, "name": "net.ipv4.neigh.default.gc_thresh3", "args": ["32768"], "block": ""}])])
	r == set()
}

test_default if {
	r := rule.report with input as fx.deployment([_node([])])
	r == {{
		"message": "L3 agent node n1 leaves net.ipv4.neigh.default.gc_thresh3 at the kernel default (1024): router namespaces overflow the neighbour table as ports grow",
		"locations": [{"path": "n1/etc/sysctl.conf", "node": "n1"}],
	}}
}
