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

# kolla: two containers each load their own neutron.conf with their agent's
# file; only a pair one container loads together is compared.
_kolla(a, b) := fx.deployment([object.union(fx.node("c1", [], [
	object.union(fx.file("c1", "neutron.conf", "etc/kolla/neutron-l3-agent/neutron.conf", {"DEFAULT": {"debug": a}}), {"dest": "/etc/neutron/neutron.conf"}),
	object.union(fx.file("c1", "l3_agent.ini", "etc/kolla/neutron-l3-agent/l3_agent.ini", {"DEFAULT": {"debug": a}}), {"dest": "/etc/neutron/l3_agent.ini"}),
	object.union(fx.file("c1", "neutron.conf", "etc/kolla/neutron-dhcp-agent/neutron.conf", {"DEFAULT": {"debug": b}}), {"dest": "/etc/neutron/neutron.conf"}),
	object.union(fx.file("c1", "dhcp_agent.ini", "etc/kolla/neutron-dhcp-agent/dhcp_agent.ini", {"DEFAULT": {"debug": b}}), {"dest": "/etc/neutron/dhcp_agent.ini"}),
]), {"processes": {
	"neutron-l3-agent": {"files": ["c1/etc/kolla/neutron-l3-agent/neutron.conf", "c1/etc/kolla/neutron-l3-agent/l3_agent.ini"]},
	"neutron-dhcp-agent": {"files": ["c1/etc/kolla/neutron-dhcp-agent/neutron.conf", "c1/etc/kolla/neutron-dhcp-agent/dhcp_agent.ini"]},
}})])

test_containers_apart if {
	r := rule.report with input as _kolla("true", "false")
	r == set()
}

test_containers_together if {
	d := json.patch(_kolla("true", "false"), [{"op": "replace", "path": "/nodes/c1/files/c1~1etc~1kolla~1neutron-l3-agent~1l3_agent.ini/sections/DEFAULT/debug/0/value", "value": "false"}])
	r := rule.report with input as d
	count(r) == 1
	some f in r
	f.locations[0].path == "c1/etc/kolla/neutron-l3-agent/l3_agent.ini"
}
