# METADATA
# title: Files loaded together set one option differently
# description: |
#   Several services read more than one file: Ubuntu's nova-compute loads
#   nova.conf then nova-compute.conf; neutron-server loads neutron.conf then
#   the ML2 file; each agent loads neutron.conf then its own ini. An option
#   set in two of them with different values takes the value of the file
#   loaded last, so the file an operator edits may not be the one that
#   counts (virt_type = kvm in nova.conf, qemu in nova-compute.conf).
# custom:
#   id: SL-HYG-009
#   scope: node
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Set the option in one file only (the later one, or delete it from
#     both but one).
package stacklint.rules.hygiene.layered_conflict

import data.stacklint.lib

# _sets: [first file, later file] pairs a service loads in this order.
_sets := [
	["nova.conf", "nova-compute.conf"], # (devstack's n-cpu reads nova-cpu.conf alone: no pair)
	["neutron.conf", "ml2_conf.ini"], ["neutron.conf", "plugin.ini"],
	["neutron.conf", "linuxbridge_agent.ini"], ["neutron.conf", "openvswitch_agent.ini"],
	["neutron.conf", "l3_agent.ini"], ["neutron.conf", "dhcp_agent.ini"], ["neutron.conf", "metadata_agent.ini"],
]

# _pairs: readable files of kinds ka and kb on the node that one process
# loads together (any pair on a host; in a container layout the pair of
# each container, lib.loaded_together).
_pairs(node, ka, kb) := {[a, b] |
	some a in lib.files_of(node, ka)
	not a.error
	some b in lib.files_of(node, kb)
	not b.error
	lib.loaded_together(node, a, b)
}

report contains finding if {
	some node in input.nodes
	some [ka, kb] in _sets
	some [a, b] in _pairs(node, ka, kb)
	some section, keys in b.sections
	some key, _ in keys
	lib.has(a, section, key)
	oa := lib.last(a, section, key)
	ob := lib.last(b, section, key)
	_norm(oa) != _norm(ob)
	finding := {
		"message": sprintf("[%s] %s is %s in %s but %s in %s on %s: the later file (%s) wins", [section, key, _shown(oa), ka, _shown(ob), kb, node.name, kb]),
		"locations": [lib.loc(b, section, key, ob), lib.loc(a, section, key, oa)],
	}
}

_shown(occ) := sprintf("fp:%s", [occ.fp]) if occ.secret

else := sprintf("'%s'", [occ.value])

# _norm compares booleans as oslo.config reads them (True is true).
_norm(occ) := occ.fp if occ.secret

else := "true" if lower(occ.value) in {"true", "1", "yes", "on"}

else := "false" if lower(occ.value) in {"false", "0", "no", "off"}

else := occ.value
