# METADATA
# title: Database credentials on nodes that never use them
# description: |
#   nova-compute has no database access (it goes through nova-conductor),
#   and neutron's L2/L3/DHCP/metadata agents go through neutron-server. A
#   [database] or [api_database] connection in nova.conf on a compute-only
#   node, or in neutron.conf on an agent-only node, is never read but puts
#   the database password on every hypervisor. The Icehouse guide still
#   wrote it there; the rule speaks only on Queens-or-later deployments.
# custom:
#   id: SL-PASS-016
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf, neutron.conf]
#   remediation: |
#     Delete the connection options from nova.conf on compute nodes and
#     from neutron.conf on agent-only nodes.
package stacklint.rules.credentials.needless_db_credentials

import data.stacklint.lib

_servers := {"nova.conf": "nova-api", "neutron.conf": "neutron-server"}

_who := {"nova.conf": "nova-compute reaches the database through nova-conductor", "neutron.conf": "neutron agents reach the database through neutron-server"}

# aggregate: whether the part shows a Queens-or-later deployment
# ({"queens": true}) and each connection with a password on a node that
# runs no server reading it ({"finding": finding}, of its node and its
# own services alone); the report keeps the findings when some node
# shows Queens.
aggregate contains {"queens": true} if lib.queens_or_later

aggregate contains {"finding": finding} if {
	some [f, section, "connection", occ] in lib.keyed(["connection"])
	section in {"database", "api_database"}
	occ.url.hosts[0].password_fp != "" # the packaged sqlite default holds no password
	server := _servers[f.kind]
	node := input.nodes[f.node]
	count(node.services) > 0
	not lib.runs(node, server)
	not "controller" in node.roles
	finding := {
		"message": sprintf("%s holds database credentials, but %s runs no %s: %s, so the password only widens exposure", [lib.where(f, section, "connection"), f.node, server, _who[f.kind]]),
		"locations": [lib.loc(f, section, "connection", occ)],
	}
}

report contains r.finding if {
	{"queens": true} in aggregate
	some r in aggregate
	r.finding
}
