# METADATA
# title: Compute nodes differ in what live migration needs to match
# description: |
#   Live migration moves a running guest between compute nodes, so they
#   must agree on the guest CPU model ([libvirt] cpu_mode, cpu_models or
#   the older cpu_model, cpu_model_extra_flags), on the transport
#   (live_migration_scheme, live_migration_with_native_tls) and on
#   [DEFAULT] instances_path. A compute node that differs from its peers
#   fails migrations to or from it ("CPU doesn't have compatibility",
#   connection refused, missing disk path).
#   Each node's value is the one in effect across the nova files
#   nova-compute loads (nova-dist.conf, nova.conf, nova.conf.d,
#   nova-compute.conf; devstack's nova-cpu.conf); an unset option has its
#   release's default: cpu_mode none means host-model under virt_type kvm
#   or qemu, and instances_path is $state_path/instances (a node whose
#   state_path is not written either, computed on the host, is left out).
#   Compute nodes are peers: no node is the authority, so each differing
#   node is compared with the value most of them hold (on a tie, the first
#   by path), and the message says which.
# custom:
#   id: SL-NOVA-013
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, libvirt, cpu_mode]
#     - [nova.conf, libvirt, cpu_models]
#     - [nova.conf, libvirt, cpu_model]
#     - [nova.conf, libvirt, cpu_model_extra_flags]
#     - [nova.conf, libvirt, live_migration_scheme]
#     - [nova.conf, libvirt, live_migration_with_native_tls]
#     - [nova.conf, libvirt, virt_type]
#     - [nova.conf, DEFAULT, instances_path]
#     - [nova.conf, DEFAULT, state_path]
#   remediation: |
#     Give every compute node of a migration domain the same [libvirt]
#     CPU settings, migration transport and instances_path (or keep
#     differing nodes in separate host aggregates).
package stacklint.rules.nova.live_migration

import data.stacklint.lib
import data.stacklint.lib.console
import data.stacklint.lib.settings

_kinds := console.kinds

_options := [
	["libvirt", "cpu_mode"], ["libvirt", "cpu_models"], ["libvirt", "cpu_model"],
	["libvirt", "cpu_model_extra_flags"], ["libvirt", "live_migration_scheme"],
	["libvirt", "live_migration_with_native_tls"], ["DEFAULT", "instances_path"],
]

_computes := [node | some node in input.nodes; "compute" in node.roles]

# aggregate: each compute node ({"compute": name}) and its value of each
# option ({"copy": [section, key, {v, shown, where, loc, pos}]}); the
# report compares the copies of each option over the fleet.
aggregate contains {"compute": name} if {
	some name, node in input.nodes
	"compute" in node.roles
}

aggregate contains {"copy": [section, key, c]} if {
	some [section, key] in _options
	some c in _node_copies(section, key)
}

_compute_count := count({r.compute | some r in aggregate; r.compute})

_copies(section, key) := {r.copy[2] | some r in aggregate; r.copy[0] == section; r.copy[1] == key}

# _node_copies are the value in effect on every compute node whose value
# is known: written, or its release's default (what nova makes of it).
_node_copies(section, key) := {c |
	some node in _computes
	s := lib.setting(node, _kinds, section, key)
	[v, shown] := _value(node, s, key)
	c := {"v": _norm(key, v), "shown": shown, "where": lib.where(s.file, section, key), "loc": settings.at(s, section, key), "pos": [s.file.path, 0]}
}

# _value is [value, as shown] of a setting: written, or the default nova
# works with (undefined when it is computed on the host).
_value(node, s, key) := [s.value, s.value] if s.written

else := ["host-model", _unset(s, "(none): host-model for virt_type kvm and qemu")] if {
	key == "cpu_mode"
	s.value == ""
	_kvm(node)
} else := [v, _unset(s, v)] if {
	key == "instances_path"
	st := lib.setting(node, _kinds, "DEFAULT", "state_path")
	st.written
	v := sprintf("%s/instances", [trim_right(trim_space(st.value), "/")])
} else := [s.value, _unset(s, settings.shown(s.value))] if not s.host

# _kvm: virt_type in effect is kvm or qemu, where nova picks host-model
# when cpu_mode is unset (libvirt driver, _get_guest_cpu_model_config).
_kvm(node) if lower(trim_space(lib.setting(node, _kinds, "libvirt", "virt_type").value)) in {"kvm", "qemu"}

_unset(s, v) := sprintf("unset (its default in %s, %s)", [s.release, v])

_norm(key, v) := concat(",", sort([lower(x) | some x in lib.items(v)])) if key in {"cpu_models", "cpu_model_extra_flags"}

else := lower(trim_right(trim_space(v), "/"))

report contains finding if {
	_compute_count > 1
	some [section, key] in _options
	copies := _copies(section, key)
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (compute nodes are peers, none is the authority: %s): live migration to and from it fails", [c.where, c.shown, r.where, r.shown, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
