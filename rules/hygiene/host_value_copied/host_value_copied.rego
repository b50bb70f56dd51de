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
#   severity: warning
#   inputs: [config]
#   remediation: |
#     Give each node its own address in these options (or 0.0.0.0 for a
#     listener that may bind everywhere).
package stacklint.rules.hygiene.host_value_copied

import data.stacklint.lib

_keys := ["live_migration_inbound_addr", "osapi_compute_listen", "metadata_listen", "bind_host", "novncproxy_host"]

_copies contains c if {
	some [f, section, key, occ] in lib.keyed(_keys)
	occ.ip
	not occ.loopback
	c := {"key": key, "node": f.node, "ip": occ.ip, "where": lib.where(f, section, key), "loc": lib.loc(f, section, key, occ)}
}

report contains finding if {
	some key in _keys
	some [c, first] in lib.duplicates({c | some c in _copies; c.key == key})
	finding := {
		"message": sprintf("%s = %s is also %s: it must name one node", [c.where, c.ip, first.where]),
		"locations": [c.loc, first.loc],
	}
}

report contains finding if {
	some c in _copies
	why := lib.address_problem(c.node, c.ip)
	startswith(why, "is the address of")
	finding := {
		"message": sprintf("%s = %s %s: the node listens on, or sends peers to, another node's address", [c.where, c.ip, why]),
		"locations": [c.loc],
	}
}
