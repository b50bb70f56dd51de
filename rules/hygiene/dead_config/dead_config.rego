# METADATA
# title: Configuration that another setting switches off
# description: |
#   For the record: options that can have no effect because another
#   option disables what they configure. nova's [neutron]
#   metadata_proxy_shared_secret with service_metadata_proxy = false;
#   [vnc] options on a node with [vnc] enabled = false; linuxbridge
#   l2_population with enable_vxlan = false; glance [oslo_limit] without
#   use_keystone_limits = true; a transport_url in placement.conf
#   (placement uses no RPC). Dead settings mislead whoever reads the file
#   next, and start working unexpectedly when the switch flips. Each
#   switch is read in effect for the process reading the option: across
#   the files loaded with its file (dist file, main file, config-dir;
#   nova-compute.conf after nova.conf; an agent's own files), unset its
#   default (service_metadata_proxy, use_keystone_limits: false; [vnc]
#   enabled: true; enable_vxlan counts only when written false).
# custom:
#   id: SL-HYG-015
#   severity: info
#   inputs: [config]
#   remediation: |
#     Delete the dead option, or turn on the setting it depends on if it
#     was meant to work.
package stacklint.rules.hygiene.dead_config

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

# _kinds are the kinds a process reading a file of this kind loads, in
# --config-file order (lib.effective adds each one's layers).
_kinds := {
	"nova.conf": ["nova.conf"], "nova-dist.conf": ["nova.conf"], "nova.conf.d": ["nova.conf"],
	"nova-compute.conf": ["nova.conf", "nova-compute.conf"], "nova-cpu.conf": ["nova-cpu.conf"],
	"glance-api.conf": ["glance-api.conf"], "glance-api-dist.conf": ["glance-api.conf"], "glance-api.conf.d": ["glance-api.conf"],
}

# _on: the BoolOpt is true in effect for the process reading file f.
_on(f, section, key) if {
	[_, occ] := lib.effective(input.nodes[f.node], _kinds[f.kind], section, key)
	net.bool(occ.value)
}

# _off: the BoolOpt is false in effect (written so) for that process.
_off(f, section, key) if {
	[_, occ] := lib.effective(input.nodes[f.node], _kinds[f.kind], section, key)
	not net.bool(occ.value)
}

# _dead: [file, section, key, why] for each option that cannot act.
_dead contains [f, "neutron", "metadata_proxy_shared_secret", "[neutron] service_metadata_proxy is false"] if {
	some [f, "neutron", "metadata_proxy_shared_secret", _] in lib.keyed(["metadata_proxy_shared_secret"])
	_kinds[f.kind]
	not _on(f, "neutron", "service_metadata_proxy")
	not _metadata_target(f.node) # agents pointing here: SL-NOVA-009 reports the switch
}

_metadata_target(node) if {
	some m in net.metadata_agents
	m.target == node
}

_dead contains [f, "vnc", key, "[vnc] enabled is false"] if {
	some [f, "vnc", "enabled", _] in lib.keyed(["enabled"])
	_kinds[f.kind]
	_off(f, "vnc", "enabled")
	some key, _ in f.sections.vnc
	key != "enabled"
}

_dead contains [s.file, "vxlan", "l2_population", "[vxlan] enable_vxlan is false"] if {
	some [name, f] in lib.files("linuxbridge_agent.ini")
	node := input.nodes[name]
	s := net.setting(node, "neutron-linuxbridge-agent", f, "vxlan", "l2_population")
	s.written
	settings.is_true(s)
	vxlan := net.setting(node, "neutron-linuxbridge-agent", f, "vxlan", "enable_vxlan")
	vxlan.written
	lower(trim_space(vxlan.value)) in {"false", "0", "no", "off"} # written off, not mangled (SL-HYG-005)
	not _vxlan_projects # then VXLAN off is the fault, SL-NET-005
}

_dead contains [f, "oslo_limit", key, "[DEFAULT] use_keystone_limits is not true"] if {
	some kind in ["glance-api-dist.conf", "glance-api.conf", "glance-api.conf.d"]
	some [_, f] in lib.files(kind)
	not _on(f, "DEFAULT", "use_keystone_limits")
	some key, _ in f.sections.oslo_limit
}

_dead contains [f, "DEFAULT", "transport_url", "placement uses no message queue"] if {
	some [_, f] in lib.files("placement.conf")
	lib.has(f, "DEFAULT", "transport_url")
}

# One finding per file and section: a dead section is one cleanup.
report contains finding if {
	some [f, section, _, why] in _dead
	hits := sort([[lib.last(f, section, k).line, k] | some [g, s, k, _] in _dead; g.path == f.path; s == section])
	finding := {
		"message": sprintf("%s %s on %s %s: %s", [f.kind, concat(", ", [sprintf("[%s] %s", [section, h[1]]) | some h in hits]), f.node, _verb(hits), why]),
		"locations": [lib.loc(f, section, h[1], lib.last(f, section, h[1])) | some h in hits],
	}
}

_verb(hits) := "has no effect" if count(hits) == 1

else := "have no effect"

_vxlan_projects if {
	some f in net.ml2
	"vxlan" in net.tenant_types(f)
}
