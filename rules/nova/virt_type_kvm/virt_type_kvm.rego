# METADATA
# title: virt_type kvm on a CPU without hardware virtualisation
# description: |
#   nova-compute's libvirt driver runs guests with KVM when [libvirt]
#   virt_type is kvm (its default). KVM needs the processor's hardware
#   virtualisation: Intel VT-x (the vmx flag) or AMD-V (svm). When the
#   node's /proc/cpuinfo (from a sos report) lists neither, /dev/kvm does
#   not exist (VT disabled in the firmware, or a virtual machine without
#   nested virtualisation) and every instance scheduled there fails to
#   spawn ("invalid argument: could not find capabilities for domaintype=kvm").
#   Decidable only with the node's cpuinfo; other architectures (no x86
#   flags line) are not judged.
# custom:
#   id: SL-NOVA-017
#   scope: node
#   severity: error
#   inputs: [cpuinfo]
#   defaults:
#     - [nova.conf, libvirt, virt_type]
#   remediation: |
#     Enable VT-x/AMD-V in the firmware (or nested virtualisation on the
#     hypervisor running this node), or set [libvirt] virt_type = qemu
#     (slow, software emulation) in nova-compute's configuration.
package stacklint.rules.nova.virt_type_kvm

import data.stacklint.lib
import data.stacklint.lib.settings

# _libvirt: compute_driver in effect is the libvirt driver (its default).
_libvirt(node) if {
	not lib.effective(node, lib.compute_kinds, "DEFAULT", "compute_driver")
}

_libvirt(node) if {
	[_, occ] := lib.effective(node, lib.compute_kinds, "DEFAULT", "compute_driver")
	contains(lower(occ.value), "libvirt")
}

report contains finding if {
	some name, node in input.nodes
	node.cpu.virt == "none"
	lib.runs(node, "nova-compute")
	_libvirt(node)
	s := lib.setting(node, lib.compute_kinds, "libvirt", "virt_type")
	lower(trim_space(s.value)) == "kvm"
	finding := {
		"message": sprintf("%s is kvm%s, but %s lists no vmx or svm flag (line %d): %s has no hardware virtualisation and nova-compute cannot spawn KVM guests there", [lib.where(s.file, "libvirt", "virt_type"), _how(s), node.cpu.path, node.cpu.line, name]),
		"locations": [settings.at(s, "libvirt", "virt_type"), {"path": node.cpu.path, "node": name, "line": node.cpu.line, "column": 1}],
	}
}

_how(s) := "" if s.written

else := sprintf(" (not set: its default in %s)", [s.release])
