package stacklint.rules.nova.cpu_pinning_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.cpu_pinning as rule

_d(sections) := fx.deployment([fx.node("c1", [], [fx.file("c1", "nova.conf", "etc/nova/nova.conf", sections)])])

test_cpus if {
	rule.cpus("0-3, ^2,8") == {0, 1, 3, 8}
}

test_disjoint if {
	r := rule.report with input as _d({"compute": {"cpu_dedicated_set": "4-7", "cpu_shared_set": "0-3"}})
	r == set()
}

test_overlap if {
	r := rule.report with input as _d({"compute": {"cpu_dedicated_set": "2-7,^5", "cpu_shared_set": "0-3"}})
	r == {{
		"message": "nova.conf [compute] cpu_dedicated_set on c1 and nova.conf [compute] cpu_shared_set on c1 share CPU(s) 2,3: nova-compute on c1 does not start",
		"locations": [
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "compute", "key": "cpu_dedicated_set"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "compute", "key": "cpu_shared_set"},
		],
	}}
}

test_vcpu_pin_set_with_dedicated if {
	r := rule.report with input as _d({"DEFAULT": {"vcpu_pin_set": "4-7"}, "compute": {"cpu_dedicated_set": "4-7"}})
	count(r) == 1
}
