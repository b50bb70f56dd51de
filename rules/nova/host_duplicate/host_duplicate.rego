# METADATA
# title: Two compute nodes register under the same host name
# description: |
#   nova-compute registers its service, resource provider and instances
#   under [DEFAULT] host (default: the machine's host name). Two compute
#   nodes with the same explicit host (a nova.conf copied with it) share
#   one service record and resource provider: instances, inventory and
#   migrations collide.
# custom:
#   id: SL-NOVA-007
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Give each compute node its own host value, or remove the option so
#     each uses its own host name.
package stacklint.rules.nova.host_duplicate

import data.stacklint.lib

_copies contains c if {
	some name, node in input.nodes
	"compute" in node.roles
	[f, occ] := lib.effective(node, ["nova.conf", "nova-compute.conf"], "DEFAULT", "host")
	c := {"node": name, "host": lower(occ.value), "where": lib.where(f, "DEFAULT", "host"), "loc": lib.loc(f, "DEFAULT", "host", occ), "value": occ.value}
}

report contains finding if {
	some c in _copies
	earlier := sort([[d.loc.path, d] | some d in _copies; d.host == c.host; d.loc.path < c.loc.path])
	count(earlier) > 0
	first := earlier[0][1]
	finding := {
		"message": sprintf("%s is '%s', as is %s: both compute nodes register as the same nova host", [c.where, c.value, first.where]),
		"locations": [c.loc, first.loc],
	}
}
