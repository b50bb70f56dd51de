# METADATA
# title: nova or cinder my_ip is not this node's address, or is shared
# description: |
#   nova.conf [DEFAULT] my_ip is the node's management address: nova
#   registers it, and the guide derives the VNC proxy client address and
#   other listeners from $my_ip. cinder.conf [DEFAULT] my_ip is the same
#   for cinder: cinder-volume exports its volumes (target_ip_address
#   defaults to $my_ip) and registers on it. It must be an IP address of
#   this node (its /etc/hosts entry or an interface address, when the
#   snapshot has them) and no other node may use the same value; a file
#   copied from another node keeps the other node's my_ip.
# custom:
#   id: SL-NOVA-006
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf, cinder.conf]
#   remediation: |
#     Set my_ip to the node's own management address
#     (MANAGEMENT_INTERFACE_IP_ADDRESS in the guide) and restart nova (or
#     cinder).
package stacklint.rules.nova.my_ip

import data.stacklint.lib
import data.stacklint.lib.network as net

# _services are the files whose [DEFAULT] my_ip one service uses, in
# load order: nova's, cinder's.
_services := [lib.compute_kinds, ["cinder.conf"]]

_copies contains c if {
	some name, node in input.nodes
	some kinds in _services
	[f, occ] := lib.effective(node, kinds, "DEFAULT", "my_ip")
	not f.error
	c := {"node": name, "f": f, "occ": occ, "ip": object.get(occ, "ip", ""), "where": lib.where(f, "DEFAULT", "my_ip"), "loc": lib.loc(f, "DEFAULT", "my_ip", occ)}
}

# aggregate: the finding of each node whose my_ip is not its address
# ({"finding": finding}) and each node's my_ip that lib.address_problem
# does not explain ({"copy": {node, ip, where, loc}}), which the report
# compares across nodes; each depends on its node alone (and on the
# fleet's address owners).
aggregate contains {"finding": finding} if {
	some c in _copies
	why := _problem(c)
	finding := {
		"message": sprintf("%s = %s %s: %s registers and serves on a wrong address", [c.where, c.occ.value, why, _service(c.f)]),
		"locations": [c.loc],
	}
}

aggregate contains {"copy": {"node": c.node, "ip": c.ip, "where": c.where, "loc": c.loc}} if {
	some c in _copies
	c.ip != ""
	not lib.address_problem(c.node, c.ip)
}

report contains r.finding if {
	some r in aggregate
	r.finding
}

report contains finding if {
	some [c, first] in net.duplicates_of({r.copy | some r in aggregate; r.copy})
	finding := {
		"message": sprintf("%s = %s is also %s: my_ip must identify one node", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}

_problem(c) := "is not an IP address" if {
	c.ip == ""
	count(object.get(c.occ, "placeholders", [])) == 0
} else := lib.address_problem(c.node, c.ip)

_service(f) := "cinder" if startswith(f.kind, "cinder")

else := "nova"
