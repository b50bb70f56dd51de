# METADATA
# title: haproxy binds a virtual IP the node may not hold
# description: |
#   Controllers running haproxy with keepalived bind the virtual IP on
#   every node, while only one holds it at a time. Without
#   net.ipv4.ip_nonlocal_bind = 1 (net.ipv6.ip_nonlocal_bind for IPv6)
#   haproxy fails to start on the nodes that do not hold the VIP, so a
#   failover finds no load balancer there. Checked on nodes whose sysctl
#   files are in the snapshot.
# custom:
#   id: SL-HOST-006
#   scope: node
#   severity: warning
#   inputs: [haproxy]
#   remediation: |
#     Set net.ipv4.ip_nonlocal_bind = 1 (and net.ipv6.ip_nonlocal_bind = 1)
#     in /etc/sysctl.d/ on every haproxy node.
package stacklint.rules.host.nonlocal_bind

import data.stacklint.lib.host

_addr(a) := trim(concat(":", array.slice(p, 0, count(p) - 1)), "[]") if p := split(a, ":")

report contains finding if {
	some name, node in input.nodes
	host.has_kind(node, "sysctl")
	binds := [[f, d, ip] |
		some f in node.files
		f.kind == "haproxy"
		some d in f.directives
		d.name == "bind"
		ip := _addr(d.args[0])
		not host.wildcard(ip)
		ip != ""
		not ip in node.known_addresses
		not ip in node.addresses
		not startswith(ip, "127.")
	]
	count(binds) > 0
	key := "net.ipv4.ip_nonlocal_bind"
	not _on(node, key)
	[f, d, ip] := binds[0]
	finding := {
		"message": sprintf("haproxy on %s binds %s (%s), an address the node does not own, but %s is not 1: haproxy does not start while another node holds the VIP", [name, ip, f.path, key]),
		"locations": [host.dloc(f, d)],
	}
}

_on(node, key) if {
	[_, d] := host.sysctl(node, key)
	trim_space(d.args[0]) == "1"
}
