# METADATA
# title: Compute VNC server listens on loopback
# description: |
#   The noVNC proxy connects to each instance's VNC server on the compute
#   node at [vnc] server_listen (Icehouse: [DEFAULT] vncserver_listen).
#   On 127.0.0.1 the proxy, which runs on another node, cannot reach any
#   console of that compute node. Left unset on a compute node with VNC
#   on, the option has its release's default, 127.0.0.1: the same fault,
#   with nothing written to see it by (not on an all-in-one node, nor on a
#   node whose nova files say nothing of VNC).
# custom:
#   id: SL-NOVA-003
#   scope: node
#   severity: error
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, vnc, server_listen]
#   remediation: |
#     Set server_listen to the compute node's management address ($my_ip)
#     or 0.0.0.0, and restart nova-compute.
package stacklint.rules.nova.vnc_listen_loopback

import data.stacklint.lib
import data.stacklint.lib.console
import data.stacklint.lib.settings

_names := [["vnc", "server_listen"], ["vnc", "vncserver_listen"], ["DEFAULT", "vncserver_listen"]]

report contains finding if {
	some node in input.nodes
	"compute" in node.roles
	not lib.runs(node, "nova-api") # an all-in-one node proxies to itself
	some [section, key] in _names
	[f, occ] := lib.effective(node, console.kinds, section, key)
	startswith(occ.value, "127.")
	finding := {
		"message": sprintf("%s = %s on a compute node: the console proxy on another node cannot reach its instances' consoles", [lib.where(f, section, key), occ.value]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}

# Unset on a compute node serving consoles to a remote proxy: the default.
report contains finding if {
	some node in input.nodes
	console.remote_compute(node)
	not console.written(node, _names)
	s := lib.setting(node, console.kinds, "vnc", "server_listen")
	not s.host
	startswith(s.value, "127.")
	finding := {
		"message": sprintf("%s, a loopback address, on a compute node: the console proxy on another node cannot reach its instances' consoles", [settings.unset(s, "vnc", "server_listen")]),
		"locations": [settings.at(s, "vnc", "server_listen")],
	}
}
