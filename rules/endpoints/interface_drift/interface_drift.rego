# METADATA
# title: Clients of one service pick different endpoint interfaces
# description: |
#   For the record: each client section picks which catalog endpoint it
#   uses (nova [neutron], [placement], [glance], [cinder] valid_interfaces;
#   neutron [nova] endpoint_type; [keystone_authtoken] interface). When the
#   same client picks internal on some nodes and public on others, the
#   nodes reach the service through different networks (often through the
#   public load balancer), and a firewall or TLS change breaks only some of
#   them. Only values written in the files are compared. No copy is the
#   authority (the catalog's endpoints are not in a snapshot): a differing
#   copy is compared with the value most copies hold (the first by path on
#   a tie), and the message says which.
# custom:
#   id: SL-EP-011
#   scope: aggregate
#   severity: info
#   inputs: [config]
#   remediation: |
#     Use the same interface (usually internal) for a client section on
#     every node.
package stacklint.rules.endpoints.interface_drift

import data.stacklint.lib

_places := {
	["neutron", "valid_interfaces"], ["placement", "valid_interfaces"], ["glance", "valid_interfaces"],
	["cinder", "valid_interfaces"], ["nova", "endpoint_type"], ["keystone_authtoken", "interface"],
}

_norm(v) := concat(",", [trim_suffix(lower(x), "url") | some x in lib.items(v)])

# aggregate: each node's interface choices ({"copy": {group, v, where,
# loc}}); the report compares them over the fleet, group by group.
aggregate contains {"copy": c} if some c in _my_copies

_copies := {r.copy | some r in aggregate; r.copy}

_my_copies contains c if {
	some [f, section, key, occ] in lib.keyed(["valid_interfaces", "endpoint_type", "interface"])
	[section, key] in _places
	c := {"group": [f.kind, section, key], "v": _norm(occ.value), "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

report contains finding if {
	some group in {c.group | some c in _copies}
	copies := {c | some c in _copies; c.group == group}
	some [c, r] in lib.drift(copies)
	finding := {
		"message": sprintf("%s is %s, but %s is %s (each client picks its own, none is the authority: %s): the nodes reach the service through different endpoints", [c.where, c.v, r.where, r.v, lib.compared(copies, r.v)]),
		"locations": [c.loc, r.loc],
	}
}
