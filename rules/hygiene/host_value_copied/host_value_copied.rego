# METADATA
# title: Node-specific address copied to another node
# description: |
#   Some options must name the node they are on: the address live
#   migration connects to ([libvirt] live_migration_inbound_addr), the
#   addresses the APIs listen on (osapi_compute_listen, metadata_listen,
#   glance and neutron bind_host), the VNC proxy's novncproxy_host. The
#   same specific address on two nodes means a file was copied: the second
#   node listens on, or sends peers to, the first one's address.
#   (my_ip, local_ip, host and server_proxyclient_address have their own
#   rules.)
# custom:
#   id: SL-HYG-014
#   scope: aggregate
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Give each node its own address in these options (or 0.0.0.0 for a
#     listener that may bind everywhere).
package stacklint.rules.hygiene.host_value_copied

import data.stacklint.lib

_keys := ["live_migration_inbound_addr", "osapi_compute_listen", "metadata_listen", "bind_host", "novncproxy_host"]

# aggregate: each option naming a node's own address, {"copy": {key, node,
# ip, where, loc, problem}}, problem what lib.address_problem says of the
# address on its node ("" when nothing); the report compares the copies
# of each option over the fleet.
aggregate contains {"copy": c} if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.ip
	not occ.loopback
	c := {"key": key, "node": f.node, "ip": occ.ip, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ), "problem": _problem(f.node, occ.ip)}
}

_problem(node, ip) := why if why := lib.address_problem(node, ip)

else := ""

_copies := {r.copy | some r in aggregate; r.copy}

report contains finding if {
	some key in _keys
	some [c, first] in _duplicates({c | some c in _copies; c.key == key})
	finding := {
		"message": sprintf("%s = %s is also %s: it must name one node", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}

report contains finding if {
	some c in _copies
	startswith(c.problem, "is the address of")
	finding := {
		"message": sprintf("%s = %s %s: the node listens on, or sends peers to, another node's address", [c.where, c.ip, c.problem]),
		"locations": [c.loc],
	}
}

# _duplicates is lib.duplicates over records: copies whose address has a
# problem (lib.address_problem, computed on their node) are left out.
_duplicates(copies) := {[c, first] |
	clean := [c | some c in copies; c.problem == ""]
	ips := sort([c.ip | some c in clean])
	dup := {ips[i] | some i, ip in ips; i > 0; ip == ips[i - 1]}
	some c in clean
	c.ip in dup
	same := [[d.loc.path, d] | some d in clean; d.ip == c.ip; d.node != c.node]
	count(same) > 0
	first := sort(array.concat(same, [[c.loc.path, c]]))[0][1]
	first.node != c.node
}
