# METADATA
# title: nova and neutron register a node under different host names
# description: |
#   Port binding matches the host nova-compute reports ([DEFAULT] host in
#   nova.conf, default: the machine's host name) with the host the L2 agent
#   registered ([DEFAULT] host in neutron.conf, same default). When both are
#   set on a node and differ, or one of them is localhost, ports cannot be
#   bound there and instances fail with binding_failed.
# custom:
#   id: SL-NET-016
#   severity: error
#   inputs: [nova.conf, neutron.conf]
#   remediation: |
#     Set the same [DEFAULT] host in nova.conf and neutron.conf (or remove
#     both so the machine's host name is used) and restart the services.
package stacklint.rules.network.host_mismatch

import data.stacklint.lib

_host(node, kinds) := [f, occ] if {
	[f, occ] := lib.effective(node, kinds, "DEFAULT", "host")
}

report contains finding if {
	some node in input.nodes
	"compute" in node.roles
	[nf, nova] := _host(node, ["nova.conf", "nova-compute.conf"])
	[qf, neutron] := _host(node, ["neutron.conf"])
	lower(nova.value) != lower(neutron.value)
	finding := {
		"message": sprintf("%s is '%s' but %s is '%s': neutron cannot bind ports for the instances nova starts there", [lib.where(nf, "DEFAULT", "host"), nova.value, lib.where(qf, "DEFAULT", "host"), neutron.value]),
		"locations": [lib.loc(nf, "DEFAULT", "host", nova), lib.loc(qf, "DEFAULT", "host", neutron)],
	}
}

report contains finding if {
	some [f, "DEFAULT", "host", occ] in lib.keyed(["host"])
	f.kind in {"nova.conf", "nova-compute.conf", "neutron.conf"}
	lower(occ.value) in {"localhost", "localhost.localdomain"}
	finding := {
		"message": sprintf("%s is '%s': every node configured so registers as the same host", [lib.where(f, "DEFAULT", "host"), occ.value]),
		"locations": [lib.loc(f, "DEFAULT", "host", occ)],
	}
}
