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
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   remediation: |
#     Give every node its own local_ip and restart the agents.
package stacklint.rules.network.local_ip_duplicate

import data.stacklint.lib
import data.stacklint.lib.network as net

_copies contains c if {
	some a in net.agents
	count(a.tunnels) > 0
	[section, key] := a.local_ip
	occ := lib.last(a.file, section, key)
	c := {"node": a.node, "ip": occ.ip, "where": lib.where(a.file, section, key), "loc": lib.loc(a.file, section, key, occ)}
}

report contains finding if {
	some [c, first] in lib.duplicates(_copies)
	finding := {
		"message": sprintf("%s = %s is also %s: the two tunnel endpoints collide", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}
