# METADATA
# title: IPv6 disabled on a node whose services use it
# description: |
#   net.ipv6.conf.all.disable_ipv6 = 1 removes IPv6 from every interface.
#   A service on that node configured with an IPv6 address (a bind or
#   listen address such as ::, an IPv6 URL host) then fails to bind or
#   connect (RabbitMQ and memcached refuse to start on [::]).
# custom:
#   id: SL-HOST-007
#   scope: node
#   severity: warning
#   inputs: [sysctl]
#   remediation: |
#     Remove disable_ipv6 = 1, or configure the services with IPv4
#     addresses on this node.
package stacklint.rules.host.ipv6_disabled

import data.stacklint.lib
import data.stacklint.lib.host

_ipv6(occ) if contains(occ.ip, ":")

_ipv6(occ) if {
	some h in occ.url.hosts
	contains(h.host, ":")
}

report contains finding if {
	some name, node in input.nodes
	[sf, d] := host.sysctl(node, "net.ipv6.conf.all.disable_ipv6")
	trim_space(d.args[0]) == "1"
	uses := sort([[f.path, occ.line, section, key, f, occ] |
		some f in node.files
		some section, keys in f.sections
		some key, occs in keys
		occ := occs[count(occs) - 1]
		_ipv6(occ)
	])
	count(uses) > 0
	u := uses[0]
	finding := {
		"message": sprintf("%s disables IPv6 on %s, but %s uses an IPv6 address: that service cannot bind or connect", [sf.path, name, lib.where(u[4], u[2], u[3])]),
		"locations": [host.dloc(sf, d), lib.loc(u[4], u[2], u[3], u[5])],
	}
}
