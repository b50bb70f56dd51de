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
#   defaults:
#     - [nova.conf, vnc, novncproxy_base_url]
#     - [nova.conf, vnc, enabled]
#   remediation: |
#     Set novncproxy_base_url to the proxy's public URL (the guide's
#     http://controller:6080/vnc_auto.html) on every compute node.
package stacklint.rules.nova.novncproxy_base_url

import data.stacklint.lib
import data.stacklint.lib.console
import data.stacklint.lib.settings

# _vnc: [node name, setting, section] per compute node with VNC on whose
# nova files configure VNC: the URL in effect ([vnc] novncproxy_base_url,
# Icehouse: [DEFAULT] novncproxy_base_url), else its release's default.
_vnc contains [name, s, section] if {
	some name, node in input.nodes
	"compute" in node.roles
	console.configured(node)
	not console.disabled(node)
	[section, s] := _url(node)
}

_url(node) := ["vnc", s] if {
	s := lib.setting(node, console.kinds, "vnc", "novncproxy_base_url")
	s.written
} else := ["DEFAULT", s] if {
	s := lib.setting(node, console.kinds, "DEFAULT", "novncproxy_base_url") # Icehouse
	s.written
} else := ["vnc", s] if {
	s := lib.setting(node, console.kinds, "vnc", "novncproxy_base_url")
}

report contains finding if {
	some [name, s, section] in _vnc
	why := _wrong(name, s, section)
	finding := {
		"message": sprintf("%s: consoles of its instances do not open", [why]),
		"locations": [settings.at(s, section, "novncproxy_base_url")],
	}
}

# _wrong: unset, the default (http://127.0.0.1:6080/vnc_auto.html in every
# release) sends the browser to the user's own machine; written, a
# loopback or own-node address does.
_wrong(_, s, section) := sprintf("%s (the user's own machine)", [settings.unset(s, section, "novncproxy_base_url")]) if {
	not s.written
	startswith(_default_host(s.value), "127.")
}

_wrong(name, s, section) := sprintf("%s = %s points at %s", [lib.where(s.file, section, "novncproxy_base_url"), s.value, _bad_target(name, s.occ.url.hosts[0])]) if s.written

# _default_host is the host of a default URL ("" when it has none).
_default_host(v) := regex.find_all_string_submatch_n(`^[a-z]+://([^:/]+)`, v, 1)[0][1] if is_string(v)

else := ""

_bad_target(name, h) := "a loopback address" if {
	some a in h.resolved
	startswith(a, "127.")
} else := "the compute node itself" if {
	lib.ident(h) == name
	not lib.runs(input.nodes[name], "nova-api")
}

_copies contains c if {
	some [name, s, section] in _vnc
	s.written
	occ := s.occ
	f := s.file
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
