# METADATA
# title: Compute VNC server listens on loopback
# description: |
#   The noVNC proxy connects to each instance's VNC server on the compute
#   node at [vnc] server_listen (Icehouse: [DEFAULT] vncserver_listen).
#   On 127.0.0.1 the proxy, which runs on another node, cannot reach any
#   console of that compute node.
# custom:
#   id: SL-NOVA-003
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Set server_listen to the compute node's management address ($my_ip)
#     or 0.0.0.0, and restart nova-compute.
package stacklint.rules.nova.vnc_listen_loopback

import data.stacklint.lib

report contains finding if {
	some node in input.nodes
	"compute" in node.roles
	not lib.runs(node, "nova-api") # an all-in-one node proxies to itself
	some [section, key] in [["vnc", "server_listen"], ["vnc", "vncserver_listen"], ["DEFAULT", "vncserver_listen"]]
	[f, occ] := lib.effective(node, ["nova.conf", "nova-compute.conf"], section, key)
	startswith(occ.value, "127.")
	finding := {
		"message": sprintf("%s = %s on a compute node: the console proxy on another node cannot reach its instances' consoles", [lib.where(f, section, key), occ.value]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
