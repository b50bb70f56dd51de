# METADATA
# title: Compute node sends browsers to a wrong noVNC proxy
# description: |
#   nova-compute hands out [vnc] novncproxy_base_url (Icehouse: [DEFAULT]
#   novncproxy_base_url) as the console link. Its default,
#   http://127.0.0.1:6080/vnc_auto.html, and any loopback or own-node
#   address send the user's browser to the wrong machine; all compute nodes
#   should give the same proxy. Checked on compute nodes whose nova.conf
#   configures VNC and does not disable it. The authority for the proxy is
#   the node that runs nova-novncproxy (its enabled unit; without one, the
#   nodes running nova-api, where the install guides put it) and the port
#   it listens on there ([vnc] novncproxy_port, 6080 unset): URLs that
#   reach it are the reference, and compute nodes whose URL differs are
#   reported. It is used when every URL reaches a node of the snapshot
#   (browsers may reach the proxy through a public name or a load
#   balancer); otherwise the URL most compute nodes use is taken, and the
#   message says so.
# custom:
#   id: SL-NOVA-005
#   scope: aggregate
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

# aggregate: each compute node's URL that points at the wrong place
# ({"wrong": finding}, its own node alone), the others ({"written": {v,
# value, where, loc}}), the port of each node running nova-novncproxy or
# nova-api ({"proxy": [service, node, port]}) and each node's name ({"node":
# name}); the report judges the URLs against the proxies over the fleet.
aggregate contains {"wrong": finding} if some finding in _wrong_urls

aggregate contains {"written": c} if some c in _written

aggregate contains {"proxy": [service, name, _proxy_port(node)]} if {
	some name, node in input.nodes
	some service in ["nova-novncproxy", "nova-api"]
	lib.runs(node, service)
}

aggregate contains {"node": name} if some name, _ in input.nodes

report contains r.wrong if some r in aggregate

_all_written := {r.written | some r in aggregate; r.written}

_nodes := {r.node | some r in aggregate; r.node}

_wrong_urls contains finding if {
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

_written contains c if {
	some [name, s, section] in _vnc
	s.written
	occ := s.occ
	f := s.file
	h := occ.url.hosts[0]
	not _bad_target(name, h) # reported above
	not lib.unresolved(h) # SL-EP-004
	c := {"v": [lib.ident(h), h.port, occ.url.path], "value": occ.value, "where": lib.where(f, section, "novncproxy_base_url"), "loc": lib.loc(f, section, "novncproxy_base_url", occ)}
}

# _copies are the URLs, each marked "auth" when it reaches a node running
# nova-novncproxy on the port the proxy listens on there; judged when
# every URL reaches a node of the snapshot.
_copies contains object.union(c, {"auth": _auth(c)}) if some c in _all_written

_auth(c) if {
	_whole
	_proxies[c.v[0]] == c.v[1]
}

default _auth(_) := false

_whole if {
	every c in _all_written {
		c.v[0] in _nodes
	}
}

# _proxies maps each node running the console proxy to its listening port
# ([vnc] novncproxy_port, Icehouse [DEFAULT] novncproxy_port; 6080 unset):
# the nodes running nova-novncproxy (an enabled unit says so), else those
# running nova-api, where the install guides put the proxy (SL-EP-003
# checks the port there too).
_proxies[r.proxy[1]] := r.proxy[2] if {
	some r in aggregate
	r.proxy[0] == _proxy_service
}

_proxy_service := "nova-novncproxy" if {
	some r in aggregate
	r.proxy[0] == "nova-novncproxy"
} else := "nova-api"

_proxy_port(node) := to_number(trim_space(occ.value)) if {
	[_, occ] := lib.effective(node, console.kinds, "vnc", "novncproxy_port")
	regex.match(`^\s*[0-9]+\s*$`, occ.value)
} else := to_number(trim_space(occ.value)) if {
	[_, occ] := lib.effective(node, console.kinds, "DEFAULT", "novncproxy_port")
	regex.match(`^\s*[0-9]+\s*$`, occ.value)
} else := 6080

report contains finding if {
	some [c, r] in lib.against(_copies)
	finding := {
		"message": _message(c, r),
		"locations": [c.loc, r.loc],
	}
}

_message(c, r) := sprintf("%s = %s, but most compute nodes whose URL reaches the console proxy use %s (%s, %s)", [c.where, c.value, r.value, r.where, lib.tally(lib.authorities(_copies), r.v)]) if {
	c.auth
	r.auth
} else := sprintf("%s = %s, but %s, listening on port %d, as %s = %s: consoles of its instances do not open", [c.where, c.value, _runs_on(r.v[0]), r.v[1], r.where, r.value]) if {
	r.auth
} else := sprintf("%s = %s, but %s = %s (%s: %s)", [c.where, c.value, r.where, r.value, _none, lib.compared(_copies, r.v)])

_runs_on(name) := sprintf("nova-novncproxy runs on %s", [name]) if _proxy_service == "nova-novncproxy"

else := sprintf("the console proxy runs on %s with nova-api (where the install guides put nova-novncproxy)", [name])

# _none says why the URLs have no authority.
_none := "no node runs nova-novncproxy or nova-api in the snapshot" if count(_proxies) == 0

else := "a URL reaches a host outside the snapshot" if not _whole

else := "no URL reaches the console proxy on its port"
