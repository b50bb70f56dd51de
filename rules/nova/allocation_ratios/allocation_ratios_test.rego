package stacklint.rules.nova.allocation_ratios_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.allocation_ratios as rule

_cmp(name, ratio) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"cpu_allocation_ratio": ratio}})]),
	{"roles": ["compute"]},
)

test_same if {
	r := rule.report with input as fx.deployment([_cmp("c1", "4.0"), _cmp("c2", "4")])
	r == set()
}

test_differs if {
	r := rule.report with input as fx.deployment([_cmp("c1", "4.0"), _cmp("c2", "4.0"), _cmp("c3", "16.0")])
	r == {{
		"message": "nova.conf [DEFAULT] cpu_allocation_ratio on c3 is 16.0, but most compute nodes use 4.0 (nova.conf [DEFAULT] cpu_allocation_ratio on c1)",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 1, "column": 1, "section": "DEFAULT", "key": "cpu_allocation_ratio"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "DEFAULT", "key": "cpu_allocation_ratio"},
		],
	}}
}
