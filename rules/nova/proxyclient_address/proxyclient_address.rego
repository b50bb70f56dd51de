# METADATA
# title: VNC proxyclient address is not this compute node
# description: |
#   [vnc] server_proxyclient_address (Icehouse: vncserver_proxyclient_address)
#   is the address nova-novncproxy connects to for this node's instance
#   consoles; the guide sets it to $my_ip. A literal copied from another
#   compute node, a loopback address or an address on none of the node's
#   interfaces sends every console to the wrong host or nowhere. Left
#   unset on a compute node with VNC enabled (the default), the option has
#   its release's default, 127.0.0.1: the same fault, with nothing written
#   to see it by (not on an all-in-one node, where the console proxy is
#   local, nor on a node whose nova files say nothing of VNC).
# custom:
#   id: SL-NOVA-004
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf]
#   defaults:
#     - [nova.conf, vnc, server_proxyclient_address]
#     - [nova.conf, vnc, enabled]
#   remediation: |
#     Set server_proxyclient_address = $my_ip (with my_ip the node's
#     management address), as the compute install guide does.
package stacklint.rules.nova.proxyclient_address

import data.stacklint.lib
import data.stacklint.lib.console
import data.stacklint.lib.network as net

_kinds := console.kinds

_copies contains c if {
	some name, node in input.nodes
	"compute" in node.roles
	some key in ["server_proxyclient_address", "vncserver_proxyclient_address"]
	[f, occ] := lib.effective(node, _kinds, "vnc", key)
	not console.disabled(node)
	not _from_my_ip(occ) # a wrong my_ip is SL-NOVA-006
	not _local_loopback(node, occ)
	c := {"node": name, "occ": occ, "ip": object.get(occ, "ip", ""), "where": lib.where(f, "vnc", key), "loc": lib.loc(f, "vnc", key, occ)}
}

# _unset: a compute node whose nova files set neither name of the option
# anywhere, with VNC on: the release's default applies.
_unset contains u if {
	some name, node in input.nodes
	console.remote_compute(node) # all-in-one: the console proxy is local, loopback works
	not console.written(node, [[section, key] |
		some key in ["server_proxyclient_address", "vncserver_proxyclient_address"]
		some section in ["vnc", "DEFAULT"]
	])
	s := lib.setting(node, _kinds, "vnc", "server_proxyclient_address")
	not s.written
	not s.host
	u := {"node": name, "s": s}
}

# _local_loopback: a loopback address on an all-in-one node (nova-api and
# the console proxy run there too, as devstack's nova-cpu.conf sets it).
_local_loopback(node, occ) if {
	"nova-api" in node.services
	startswith(object.get(occ, "ip", ""), "127.")
}

_from_my_ip(occ) if regex.match(`^\$\{?my_ip\}?$`, trim_space(object.get(occ, "raw", "")))

# aggregate: the finding of each compute node whose proxyclient address is
# not its own, written or unset ({"finding": finding}), and each node's
# address that lib.address_problem does not explain ({"copy": {node, ip,
# where, loc}}), which the report compares across nodes; each depends on
# its node alone (and on the fleet's address owners).
aggregate contains {"finding": finding} if {
	some c in _copies
	c.ip != ""
	why := lib.address_problem(c.node, c.ip)
	finding := {
		"message": sprintf("%s = %s %s: consoles of instances on %s do not open", [c.where, c.ip, why, c.node]),
		"locations": [c.loc],
	}
}

aggregate contains {"copy": c} if {
	some c0 in _copies
	c0.ip != ""
	not lib.address_problem(c0.node, c0.ip)
	c := {"node": c0.node, "ip": c0.ip, "where": c0.where, "loc": c0.loc}
}

report contains r.finding if {
	some r in aggregate
	r.finding
}

report contains finding if {
	some [c, first] in net.duplicates_of({r.copy | some r in aggregate; r.copy})
	finding := {
		"message": sprintf("%s = %s is also %s: consoles of one node open the other's", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}

aggregate contains {"finding": finding} if {
	some u in _unset
	why := lib.address_problem(u.node, u.s.value)
	finding := {
		"message": sprintf("%s is not set: its default in %s, %s, %s: consoles of instances on %s do not open", [lib.where(u.s.file, "vnc", "server_proxyclient_address"), u.s.release, u.s.value, why, u.node]),
		"locations": [lib.unset_loc(u.s.file, "vnc", "server_proxyclient_address")],
	}
}
