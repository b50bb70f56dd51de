# METADATA
# title: nova my_ip is not this node's address, or is shared
# description: |
#   nova.conf [DEFAULT] my_ip is the node's management address: nova
#   registers it, and the guide derives the VNC proxy client address and
#   other listeners from $my_ip. It must be an IP address of this node
#   (its /etc/hosts entry or an interface address, when the snapshot has
#   them) and no other node may use the same value; a nova.conf copied
#   from another node keeps the other node's my_ip.
# custom:
#   id: SL-NOVA-006
#   scope: node
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Set my_ip to the node's own management address
#     (MANAGEMENT_INTERFACE_IP_ADDRESS in the guide) and restart nova.
package stacklint.rules.nova.my_ip

import data.stacklint.lib

_copies contains c if {
	some name, node in input.nodes
	[f, occ] := lib.effective(node, lib.compute_kinds, "DEFAULT", "my_ip")
	not f.error
	c := {"node": name, "f": f, "occ": occ, "ip": object.get(occ, "ip", ""), "where": lib.where(f, "DEFAULT", "my_ip"), "loc": lib.loc(f, "DEFAULT", "my_ip", occ)}
}

report contains finding if {
	some c in _copies
	why := _problem(c)
	finding := {
		"message": sprintf("%s = %s %s: nova registers and serves on a wrong address", [c.where, c.occ.value, why]),
		"locations": [c.loc],
	}
}

report contains finding if {
	some [c, first] in lib.duplicates({c | some c in _copies; c.ip != ""})
	finding := {
		"message": sprintf("%s = %s is also %s: my_ip must identify one node", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}

_problem(c) := "is not an IP address" if {
	c.ip == ""
	count(object.get(c.occ, "placeholders", [])) == 0
} else := lib.address_problem(c.node, c.ip)
