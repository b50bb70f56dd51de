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
# custom:
#   id: SL-NOVA-013
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Give every compute node of a migration domain the same [libvirt]
#     CPU settings, migration transport and instances_path (or keep
#     differing nodes in separate host aggregates).
package stacklint.rules.nova.live_migration

import data.stacklint.lib

_kinds := ["nova.conf", "nova-compute.conf"]

_options := [
	["libvirt", "cpu_mode"], ["libvirt", "cpu_models"], ["libvirt", "cpu_model"],
	["libvirt", "cpu_model_extra_flags"], ["libvirt", "live_migration_scheme"],
	["libvirt", "live_migration_with_native_tls"], ["DEFAULT", "instances_path"],
]

_computes := [[name, node] | some name, node in input.nodes; "compute" in node.roles]

_copies(section, key) := {c |
	some [name, node] in _computes
	c := _copy(name, node, section, key)
}

_copy(name, node, section, key) := c if {
	[f, occ] := lib.effective(node, _kinds, section, key)
	c := {"v": _norm(key, occ.value), "shown": occ.value, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ), "pos": [f.path, 0]}
} else := {"v": object.get(_defaults, key, ""), "shown": _unset(key), "where": sprintf("[%s] %s on %s", [section, key, name]), "loc": _file_loc(node, section, key), "pos": [name, 0]}

# _defaults: what nova uses when the option is unset (cpu_mode is
# host-model for kvm and qemu, the guide's virt types).
_defaults := {"cpu_mode": "host-model", "instances_path": "/var/lib/nova/instances"}

_unset(key) := sprintf("unset (%s)", [_defaults[key]]) if _defaults[key]

else := "unset"

_norm(key, v) := concat(",", sort([lower(x) | some x in lib.items(v)])) if key in {"cpu_models", "cpu_model_extra_flags"}

else := lower(trim_right(trim_space(v), "/"))

_file_loc(node, section, key) := {"path": f.path, "node": f.node, "section": section, "key": key} if {
	some f in node.files
	f.kind == "nova.conf"
}

report contains finding if {
	count(_computes) > 1
	some [section, key] in _options
	some [c, r] in lib.drift(_copies(section, key))
	finding := {
		"message": sprintf("%s is %s, but most compute nodes use %s (%s): live migration to and from it fails", [c.where, c.shown, r.shown, r.where]),
		"locations": [c.loc, r.loc],
	}
}
