# METADATA
# title: nova and neutron register a node under different host names
# description: |
#   Port binding matches the host nova-compute reports ([DEFAULT] host in
#   nova.conf, default: the machine's host name) with the host the L2 agent
#   registered ([DEFAULT] host in neutron.conf, same default). When they
#   differ on a node (one set, the other set otherwise or left to the host
#   name in etc/hostname), or one of them is localhost, ports cannot be
#   bound there and instances fail with binding_failed. A nova host copied
#   from another compute node is SL-NOVA-007's finding alone.
# custom:
#   id: SL-NET-016
#   scope: aggregate
#   severity: error
#   inputs: [nova.conf, neutron.conf]
#   remediation: |
#     Set the same [DEFAULT] host in nova.conf and neutron.conf (or remove
#     both so the machine's host name is used) and restart the services.
package stacklint.rules.network.host_mismatch

import data.stacklint.lib
import data.stacklint.lib.nodehost

_nova := lib.compute_kinds

# aggregate: each compute node's nova host in effect ({"nova_host":
# {node, host}}, lowercased), each compute node whose nova and neutron
# hosts differ ({"mismatch": {node, written, host, message, locations}}:
# whether nova's is written, its value lowercased, the finding), and each
# host option set to localhost ({"localhost": finding}).
aggregate contains {"nova_host": {"node": name, "host": lower(nodehost.host(node, _nova).value)}} if {
	some name, node in input.nodes
	"compute" in node.roles
}

# a node whose nova and neutron register under different host names, one
# of them written (an unset one is the host name in etc/hostname). The
# written side is the primary location (nova's when both are written).
aggregate contains {"mismatch": m} if {
	some name, node in input.nodes
	"compute" in node.roles
	nova := nodehost.host(node, _nova)
	neutron := nodehost.host(node, ["neutron.conf"])
	lower(nova.value) != lower(neutron.value)
	[a, b] := _order(nova, neutron)
	m := {
		"node": name, "written": nova.written, "host": lower(nova.value),
		"message": sprintf("%s is %s but %s is %s: neutron cannot bind ports for the instances nova starts there", [a.where, nodehost.shown(a), b.where, nodehost.shown(b)]),
		"locations": [a.loc, b.loc],
	}
}

aggregate contains {"localhost": finding} if {
	some [f, "DEFAULT", "host", occ] in lib.keyed(["host"])
	f.kind in {"nova.conf", "nova-compute.conf", "neutron.conf"}
	lower(occ.value) in {"localhost", "localhost.localdomain"}
	finding := {
		"message": sprintf("%s is '%s': every node configured so registers as the same host", [lib.where(f, "DEFAULT", "host"), occ.value]),
		"locations": [lib.loc(f, "DEFAULT", "host", occ)],
	}
}

_order(nova, neutron) := [nova, neutron] if nova.written

else := [neutron, nova] if neutron.written

# When nova's written host is another compute node's, SL-NOVA-007 reports
# the copied value and this mismatch is its consequence: not reported.
report contains finding if {
	some r in aggregate
	m := r.mismatch
	not _nova_copied(m)
	finding := {"message": m.message, "locations": m.locations}
}

# _nova_copied: nova's written host on the node is another compute node's
# host, written or its host name (SL-NOVA-007).
_nova_copied(m) if {
	m.written
	some r in aggregate
	r.nova_host.node != m.node
	r.nova_host.host == m.host
}

report contains finding if {
	some r in aggregate
	finding := r.localhost
}
