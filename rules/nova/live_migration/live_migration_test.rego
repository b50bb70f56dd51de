package stacklint.rules.nova.live_migration_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.live_migration as rule

_cmp(name, libvirt) := object.union(
	fx.node(name, ["nova-compute"], [fx.file(name, "nova.conf", "etc/nova/nova.conf", {"libvirt": libvirt})]),
	{"roles": ["compute"]},
)

test_same if {
	r := rule.report with input as fx.deployment([_cmp("c1", {"cpu_mode": "host-model"}), _cmp("c2", {"cpu_mode": "Host-Model"}), _cmp("c3", {})])
	r == set()
}

test_one_differs if {
	r := rule.report with input as fx.deployment([
		_cmp("c1", {"cpu_mode": "host-model"}), _cmp("c2", {"cpu_mode": "host-model"}),
		_cmp("c3", {"cpu_mode": "host-passthrough"}),
	])
	r == {{
		"message": "nova.conf [libvirt] cpu_mode on c3 is host-passthrough, but most compute nodes use host-model (nova.conf [libvirt] cpu_mode on c1): live migration to and from it fails",
		"locations": [
			{"path": "c3/etc/nova/nova.conf", "node": "c3", "line": 1, "column": 1, "section": "libvirt", "key": "cpu_mode"},
			{"path": "c1/etc/nova/nova.conf", "node": "c1", "line": 1, "column": 1, "section": "libvirt", "key": "cpu_mode"},
		],
	}}
}
