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
#   scope: aggregate
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

# aggregate: each option that cannot act ({"dead": {path, kind, node,
# section, key, why, line, loc, unless}}, from its own node's files; unless
# names a fleet-wide fact that makes it a fault rather than dead: "target"
# when a metadata agent sends requests to its node, "vxlan" when an ML2
# file lists vxlan project networks), the node each metadata agent sends
# requests to ({"metadata_target": name}) and whether an ML2 file of the
# part lists vxlan project networks ({"vxlan_projects": true}). The report
# groups the dead options by file and section over the fleet.
aggregate contains {"dead": d} if {
	some [f, section, key, why, unless] in _node_dead
	d := {
		"path": f.path, "kind": f.kind, "node": f.node, "section": section, "key": key, "why": why,
		"line": lib.last(f, section, key).line, "loc": lib.loc(f, section, key, lib.last(f, section, key)), "unless": unless,
	}
}

aggregate contains {"metadata_target": t} if some t in _metadata_targets

aggregate contains {"vxlan_projects": true} if _vxlan_projects

# _dead are the dead options: {path, kind, node, section, key, why, line,
# loc} (records without what the fleet-wide facts rule out).
_dead contains d if {
	some r in aggregate
	d := r.dead
	not _ruled_out(d)
}

_ruled_out(d) if {
	d.unless == "target"
	d.node in _targets # agents pointing here: SL-NOVA-009 reports the switch
}

_ruled_out(d) if {
	d.unless == "vxlan"
	_any_vxlan_projects # then VXLAN off is the fault, SL-NET-005
}

_targets := {r.metadata_target | some r in aggregate; r.metadata_target}

_any_vxlan_projects if {
	some r in aggregate
	r.vxlan_projects
}

# _node_dead: [file, section, key, why, unless] for each option that
# cannot act unless a fleet-wide fact (unless, "" for none) says otherwise.
_node_dead contains [f, "neutron", "metadata_proxy_shared_secret", "[neutron] service_metadata_proxy is false", "target"] if {
	some [f, "neutron", "metadata_proxy_shared_secret", _] in lib.keyed(["metadata_proxy_shared_secret"])
	_kinds[f.kind]
	not _on(f, "neutron", "service_metadata_proxy")
}

# _metadata_targets: the node each metadata agent sends requests to (its
# own for the default or a loopback address), else the name or address its
# host reaches (net.metadata_agents' target, before the fleet's nodes are
# known: a name that is no node matches none).
_metadata_targets contains t if {
	some [name, f] in lib.files("metadata_agent.ini")
	node := input.nodes[name]
	lib.runs(node, "neutron-metadata-agent")
	t := _target(name, net.metadata_host(node, f))
}

_target(name, s) := name if {
	not s.written
	startswith(s.value, "127.")
} else := name if {
	h := s.occ.host_refs[0]
	some a in h.resolved
	startswith(a, "127.")
} else := lib.ident(s.occ.host_refs[0])

_node_dead contains [f, "vnc", key, "[vnc] enabled is false", ""] if {
	some [f, "vnc", "enabled", _] in lib.keyed(["enabled"])
	_kinds[f.kind]
	_off(f, "vnc", "enabled")
	some key, _ in f.sections.vnc
	key != "enabled"
}

_node_dead contains [s.file, "vxlan", "l2_population", "[vxlan] enable_vxlan is false", "vxlan"] if {
	some [name, f] in lib.files("linuxbridge_agent.ini")
	node := input.nodes[name]
	s := net.setting(node, "neutron-linuxbridge-agent", f, "vxlan", "l2_population")
	s.written
	settings.is_true(s)
	vxlan := net.setting(node, "neutron-linuxbridge-agent", f, "vxlan", "enable_vxlan")
	vxlan.written
	lower(trim_space(vxlan.value)) in {"false", "0", "no", "off"} # written off, not mangled (SL-HYG-005)
}

_node_dead contains [f, "oslo_limit", key, "[DEFAULT] use_keystone_limits is not true", ""] if {
	some kind in ["glance-api-dist.conf", "glance-api.conf", "glance-api.conf.d"]
	some [_, f] in lib.files(kind)
	not _on(f, "DEFAULT", "use_keystone_limits")
	some key, _ in f.sections.oslo_limit
}

_node_dead contains [f, "DEFAULT", "transport_url", "placement uses no message queue", ""] if {
	some [_, f] in lib.files("placement.conf")
	lib.has(f, "DEFAULT", "transport_url")
}

# One finding per file and section: a dead section is one cleanup.
report contains finding if {
	some d in _dead
	hits := sort([[e.line, e.key, e.loc] | some e in _dead; e.path == d.path; e.section == d.section])
	finding := {
		"message": sprintf("%s %s on %s %s: %s", [d.kind, concat(", ", [sprintf("[%s] %s", [d.section, h[1]]) | some h in hits]), d.node, _verb(hits), d.why]),
		"locations": [h[2] | some h in hits],
	}
}

_verb(hits) := "has no effect" if count(hits) == 1

else := "have no effect"

_vxlan_projects if {
	some f in net.ml2
	"vxlan" in net.tenant_types(f)
}
