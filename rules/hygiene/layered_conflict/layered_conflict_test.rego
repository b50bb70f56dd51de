package stacklint.rules.hygiene.layered_conflict_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.layered_conflict as rule

_d(a, b) := fx.deployment([fx.node("c1", [], [
	fx.file("c1", "nova.conf", "etc/nova/nova.conf", {"libvirt": {"virt_type": a}}),
	fx.file("c1", "nova-compute.conf", "etc/nova/nova-compute.conf", {"libvirt": {"virt_type": b}}),
])])

test_same if {
	r := rule.report with input as _d("kvm", "kvm")
	r == set()
}

test_conflict if {
	r := rule.report with input as _d("kvm", "qemu")
	r == {{
		"message": "[libvirt] virt_type is 'kvm' in nova.conf but 'qemu' in nova-compute.conf on c1: the later file (nova-compute.conf) wins",
		"locations": [
			{"path": "c1/etc/nova/nova-compute.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "virt_type"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "virt_type"},
		],
	}}
}
