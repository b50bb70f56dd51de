# METADATA
# title: Two nodes use the same tunnel local_ip
# description: |
#   Each tunnelling L2 agent is one tunnel endpoint, identified by its
#   local_ip. When two nodes use the same address (an agent config copied
#   from a peer), tunnels and forwarding entries of one overwrite the
#   other's and instances on both lose overlay traffic. When the address is
#   known to belong to one of them, SL-NET-006 reports it instead.
# custom:
#   id: SL-NET-007
#   scope: aggregate
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   remediation: |
#     Give every node its own local_ip and restart the agents.
package stacklint.rules.network.local_ip_duplicate

import data.stacklint.lib
import data.stacklint.lib.network as net

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only) and each tunnelling agent's local_ip ({"copy": {node, ip,
# where, loc}}) that lib.address_problem does not explain (that is
# SL-NET-006's finding, and a fact of the node: its addresses and
# interfaces).
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"copy": c} if {
	some c in _copies
	not lib.address_problem(c.node, c.ip)
}

_copies contains c if {
	some a in net.node_agents
	count(a.tunnels) > 0
	[section, key] := a.local_ip
	occ := lib.last(a.file, section, key)
	c := {"node": a.node, "ip": occ.ip, "where": lib.where(a.file, section, key), "loc": lib.loc(a.file, section, key, occ)}
}

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains finding if {
	not _ovn_only
	some [c, first] in net.duplicates_of({r.copy | some r in aggregate; r.copy})
	finding := {
		"message": sprintf("%s = %s is also %s: the two tunnel endpoints collide", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}
