package stacklint.rules.nova.virt_type_kvm_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.nova.virt_type_kvm

_nova(sections) := fx.file("cmp1", "nova.conf", "etc/nova/nova.conf", sections)

_cpu(virt) := {"virt": virt, "path": "cmp1/proc/cpuinfo", "line": 20}

_in(sections, virt) := fx.deployment([object.union(fx.node("cmp1", ["nova-compute"], [_nova(sections)]), {"cpu": _cpu(virt)})])

test_kvm_without_vmx if {
	fs := virt_type_kvm.report with input as _in({"libvirt": {"virt_type": "kvm"}}, "none")
	count(fs) == 1
	some f in fs
	f.message == "nova.conf [libvirt] virt_type on cmp1 is kvm, but cmp1/proc/cpuinfo lists no vmx or svm flag (line 20): cmp1 has no hardware virtualisation and nova-compute cannot spawn KVM guests there"
	f.locations[1].path == "cmp1/proc/cpuinfo"
}

test_default_kvm if {
	inp := fx.released(_in({"DEFAULT": {"debug": "false"}}, "none"), "2025.1", "test")
	fs := virt_type_kvm.report with input as object.union(inp, {"defaults": {"2025.1": {"nova.conf": {"libvirt": {"virt_type": {"text": "kvm", "host": false}}}}}})
	some f in fs
	contains(f.message, "is kvm (not set: its default in 2025.1)")
}

test_no_hit if {
	virt_type_kvm.report with input as _in({"libvirt": {"virt_type": "kvm"}}, "vmx") == set()
	virt_type_kvm.report with input as _in({"libvirt": {"virt_type": "qemu"}}, "none") == set()
	virt_type_kvm.report with input as _in({"DEFAULT": {"compute_driver": "ironic.IronicDriver"}, "libvirt": {"virt_type": "kvm"}}, "none") == set()
	virt_type_kvm.report with input as fx.deployment([fx.node("cmp1", ["nova-compute"], [_nova({"libvirt": {"virt_type": "kvm"}})])]) == set()
}
