# METADATA
# title: Control-plane address in public address space
# description: |
#   For the record: management addresses (nova my_ip, tunnel local_ip,
#   API bind and listen addresses) carry RPC, database and tunnel traffic
#   in clear text. Guides put them on a private management network
#   (RFC 1918 or IPv6 unique-local). A globally routable address there
#   usually means the wrong interface's address was copied in, exposing
#   those services to the outside.
# custom:
#   id: SL-HOST-011
#   scope: node
#   severity: info
#   inputs: [config]
#   remediation: |
#     Use the node's management-network address, and keep public addresses
#     for the provider/external networks and public endpoints.
package stacklint.rules.host.public_address

import data.stacklint.lib

_keys := ["my_ip", "local_ip", "bind_host", "osapi_compute_listen", "metadata_listen", "server_proxyclient_address", "live_migration_inbound_addr"]

_private(ip) if net.cidr_contains("10.0.0.0/8", ip)

_private(ip) if net.cidr_contains("172.16.0.0/12", ip)

_private(ip) if net.cidr_contains("192.168.0.0/16", ip)

_private(ip) if net.cidr_contains("100.64.0.0/10", ip) # carrier-grade NAT

_private(ip) if net.cidr_contains("169.254.0.0/16", ip)

_private(ip) if net.cidr_contains("fc00::/7", ip)

_private(ip) if net.cidr_contains("fe80::/10", ip)

_private(ip) if startswith(ip, "127.")

_private(ip) if ip in {"0.0.0.0", "::", "::1"}

report contains finding if {
	some [f, section, key, occ] in lib.keyed(_keys)
	ip := occ.ip
	not _private(ip)
	finding := {
		"message": sprintf("%s = %s is a public address: control-plane traffic on it leaves the management network", [lib.where(f, section, key), ip]),
		"locations": [lib.loc(f, section, key, occ)],
	}
}
