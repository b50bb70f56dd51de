# METADATA
# title: Compute node sends browsers to a wrong noVNC proxy
# description: |
#   nova-compute hands out [vnc] novncproxy_base_url (Icehouse: [DEFAULT]
#   novncproxy_base_url) as the console link. Its default,
#   http://127.0.0.1:6080/vnc_auto.html, and any loopback or own-node
#   address send the user's browser to the wrong machine; all compute nodes
#   should give the same proxy. Checked on compute nodes whose nova.conf
#   configures VNC and does not disable it.
# custom:
#   id: SL-NOVA-005
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Set novncproxy_base_url to the proxy's public URL (the guide's
#     http://controller:6080/vnc_auto.html) on every compute node.
package stacklint.rules.nova.novncproxy_base_url

import data.stacklint.lib
import data.stacklint.lib.network as net

_kinds := ["nova.conf", "nova-compute.conf"]

# _vnc: [node name, file, section, occurrence or null] per compute node with VNC on.
_vnc contains [name, f, section, occ] if {
	some name, node in input.nodes
	"compute" in node.roles
	some f in node.files
	f.kind == "nova.conf"
	not f.error
	_enabled(node)
	[section, occ] := _url(node, f)
}

_enabled(node) if not _disabled(node)

# _uses_vnc: the operator configured VNC at all ([vnc] options, or the
# Icehouse-era vnc*/novncproxy* options); untouched files say nothing.
_uses_vnc(f) if count(object.get(f.sections, "vnc", {})) > 0

_uses_vnc(f) if {
	some key, _ in f.sections.DEFAULT
	regex.match(`^(vnc|novnc)`, key)
}

_disabled(node) if {
	[f, occ] := lib.effective(node, _kinds, "vnc", "enabled")
	not net.bool(occ.value)
}

_disabled(node) if {
	[f, occ] := lib.effective(node, _kinds, "DEFAULT", "vnc_enabled")
	not net.bool(occ.value)
}

_url(node, _) := ["vnc", occ] if {
	[_, occ] := lib.effective(node, _kinds, "vnc", "novncproxy_base_url")
} else := ["DEFAULT", occ] if {
	[_, occ] := lib.effective(node, _kinds, "DEFAULT", "novncproxy_base_url")
} else := ["vnc", null]

report contains finding if {
	some [name, f, section, occ] in _vnc
	_uses_vnc(f)
	why := _wrong(name, occ)
	finding := {
		"message": sprintf("%s %s: consoles of its instances do not open", [lib.where(f, section, "novncproxy_base_url"), why]),
		"locations": [net.at(f, section, "novncproxy_base_url")],
	}
}

_wrong(_, null) := "is not set, so it defaults to http://127.0.0.1:6080/vnc_auto.html (the user's own machine)"

_wrong(name, occ) := sprintf("= %s points at %s", [occ.value, _bad_target(name, occ.url.hosts[0])]) if occ != null

_bad_target(name, h) := "a loopback address" if {
	some a in h.resolved
	startswith(a, "127.")
} else := "the compute node itself" if {
	lib.ident(h) == name
	not lib.runs(input.nodes[name], "nova-api")
}

_copies contains c if {
	some [name, f, section, occ] in _vnc
	occ != null
	h := occ.url.hosts[0]
	not _bad_target(name, h) # reported above
	not lib.unresolved(h) # SL-EP-004
	c := {"v": [lib.ident(h), h.port, occ.url.path], "value": occ.value, "where": lib.where(f, section, "novncproxy_base_url"), "loc": lib.loc(f, section, "novncproxy_base_url", occ)}
}

report contains finding if {
	some [c, r] in lib.drift(_copies)
	finding := {
		"message": sprintf("%s = %s, but most compute nodes use %s (%s)", [c.where, c.value, r.value, r.where]),
		"locations": [c.loc, r.loc],
	}
}
