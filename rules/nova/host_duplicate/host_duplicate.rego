# METADATA
# title: Two compute nodes register under the same host name
# description: |
#   nova-compute registers its service, resource provider and instances
#   under [DEFAULT] host (default: the machine's host name). Two compute
#   nodes with the same explicit host (a nova.conf copied with it), or
#   one whose host is the host name of another that leaves it unset,
#   share one service record and resource provider: instances, inventory
#   and migrations collide.
# custom:
#   id: SL-NOVA-007
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf]
#   remediation: |
#     Give each compute node its own host value, or remove the option so
#     each uses its own host name.
package stacklint.rules.nova.host_duplicate

import data.stacklint.lib
import data.stacklint.lib.nodehost

_kinds := lib.compute_kinds

# aggregate: the host each compute node registers under, {"copy":
# {written, value, where, loc, node, host}}; the report compares them.
aggregate contains {"copy": c} if some c in _node_copies

_copies := {r.copy | some r in aggregate; r.copy}

_node_copies contains c if {
	some name, node in input.nodes
	"compute" in node.roles
	h := nodehost.host(node, _kinds)
	c := object.union(h, {"node": name, "host": lower(h.value)})
}

# two written copies: the later path is the copy.
report contains finding if {
	some c in _copies
	c.written
	first := _earlier(c)
	finding := {
		"message": sprintf("%s is '%s', as is %s: both compute nodes register as the same nova host", [c.where, c.value, first.where]),
		"locations": [c.loc, first.loc],
	}
}

# a written host that is another compute node's own host name, where that
# node leaves host unset (the nova.conf was copied from it with its name).
report contains finding if {
	some c in _copies
	c.written
	not _earlier(c)
	some d in _copies
	not d.written
	d.node != c.node
	d.host == c.host
	finding := {
		"message": sprintf("%s is '%s', the host name of %s, where %s is not set: both compute nodes register as the same nova host", [c.where, c.value, d.node, d.where]),
		"locations": [c.loc, d.loc],
	}
}

_earlier(c) := sorted[0][1] if {
	sorted := sort([[d.loc.path, d] | some d in _copies; d.written; d.host == c.host; d.loc.path < c.loc.path])
	count(sorted) > 0
}
