# METADATA
# description: |
#   The host name a service on a node registers under ([DEFAULT] host of
#   nova and neutron), written or the machine's host name it defaults to.
package stacklint.lib.nodehost

import data.stacklint.lib

# host is the name a service reading files of kinds registers under on the
# node: {written, value, where, loc}. Written: [DEFAULT] host in effect
# across kinds (lib.effective), located at its occurrence. Unset: oslo's
# default, socket.gethostname(), which is the node's etc/hostname
# (nodes.<n>.hostname), located where the option belongs in the first file
# of kinds. Undefined when the node has no parsed file of kinds, or the
# option is unset and the snapshot holds no etc/hostname for the node (its
# folder name is no evidence of the machine's name).
host(node, kinds) := {"written": true, "value": occ.value, "where": lib.where(f, "DEFAULT", "host"), "loc": lib.loc(f, "DEFAULT", "host", occ)} if {
	[f, occ] := lib.effective(node, kinds, "DEFAULT", "host")
} else := {"written": false, "value": node.hostname, "where": lib.where(f, "DEFAULT", "host"), "loc": lib.unset_loc(f, "DEFAULT", "host")} if {
	_named(node)
	f := [f | some kind in kinds; some f in lib.files_of(node, kind); not f.error][0]
}

_named(node) if {
	some f in node.files
	f.kind == "hostname"
	node.hostname != ""
}

# shown is how a message names a host value: "'compute1'" when written,
# "not set (the host name, 'compute1')" when it is the default.
shown(h) := sprintf("'%s'", [h.value]) if h.written

else := sprintf("not set (its default is the host name, '%s')", [h.value])
