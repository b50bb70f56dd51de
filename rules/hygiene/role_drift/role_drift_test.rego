package stacklint.rules.hygiene.role_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.hygiene.role_drift as rule

_nova := fx.file("c3", "nova.conf", "etc/nova/nova.conf", {"libvirt": {"virt_type": fx.at("kvm", 52)}})

_entry(key, extra) := object.union({
	"kind": "nova.conf", "services": "nova-compute", "members": 3, "keys": 12, "node": "c3", "file": "c3/etc/nova/nova.conf",
	"section": "libvirt", "key": key, "value": "kvm", "majority": "qemu",
	"secret": false, "address": false, "names_node": false,
}, extra)

_d(entries) := object.union(fx.deployment([fx.node("c3", ["nova-compute"], [_nova])]), {"role_drift": entries})

test_drift if {
	r := rule.report with input as _d([_entry("virt_type", {})])
	r == {{
		"message": "nova.conf on c3 differs from most of the 2 other nodes running nova-compute in [libvirt] virt_type = kvm (most: qemu)",
		"locations": [fx.loc(_nova, "libvirt", "virt_type", 52)],
	}}
}

# Node-specific options, secrets, addresses and values naming the node
# are left to other rules.
test_excluded if {
	r := rule.report with input as _d([
		_entry("my_ip", {}),
		_entry("server_listen", {}),
		_entry("novncproxy_listen", {}),
		_entry("password", {"secret": true}),
		_entry("api_servers", {"address": true}),
		_entry("instance_name", {"names_node": true}),
	])
	r == set()
}

# Differing in more than a third of the options: another role, not drift.
test_other_role if {
	r := rule.report with input as _d([_entry("a", {"keys": 5}), _entry("b", {"keys": 5})])
	r == set()
}
