# METADATA
# title: VNC proxyclient address is not this compute node
# description: |
#   [vnc] server_proxyclient_address (Icehouse: vncserver_proxyclient_address)
#   is the address nova-novncproxy connects to for this node's instance
#   consoles; the guide sets it to $my_ip. A literal copied from another
#   compute node, a loopback address or an address on none of the node's
#   interfaces sends every console to the wrong host or nowhere.
# custom:
#   id: SL-NOVA-004
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Set server_proxyclient_address = $my_ip (with my_ip the node's
#     management address), as the compute install guide does.
package stacklint.rules.nova.proxyclient_address

import data.stacklint.lib
import data.stacklint.lib.network as net

_kinds := ["nova.conf", "nova-compute.conf"]

_copies contains c if {
	some name, node in input.nodes
	"compute" in node.roles
	some key in ["server_proxyclient_address", "vncserver_proxyclient_address"]
	[f, occ] := lib.effective(node, _kinds, "vnc", key)
	not _disabled(node)
	not _from_my_ip(occ) # a wrong my_ip is SL-NOVA-006
	c := {"node": name, "occ": occ, "ip": object.get(occ, "ip", ""), "where": lib.where(f, "vnc", key), "loc": lib.loc(f, "vnc", key, occ)}
}

_disabled(node) if {
	[_, occ] := lib.effective(node, _kinds, "vnc", "enabled")
	not net.bool(occ.value)
}

_from_my_ip(occ) if regex.match(`^\$\{?my_ip\}?$`, trim_space(object.get(occ, "raw", "")))

report contains finding if {
	some c in _copies
	c.ip != ""
	why := lib.address_problem(c.node, c.ip)
	finding := {
		"message": sprintf("%s = %s %s: consoles of instances on %s do not open", [c.where, c.ip, why, c.node]),
		"locations": [c.loc],
	}
}

report contains finding if {
	some [c, first] in lib.duplicates({c | some c in _copies; c.ip != ""})
	finding := {
		"message": sprintf("%s = %s is also %s: consoles of one node open the other's", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}
