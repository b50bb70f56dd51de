# METADATA
# title: neutron dns_domain is not a fully qualified name
# description: |
#   neutron.conf [DEFAULT] dns_domain is the domain DNS integration appends
#   to port dns_name and publishes through the DHCP agent and Designate. It
#   must be a fully qualified name ending in '.'; without the dot Designate
#   rejects the records and dnsmasq hands out names that do not resolve.
# custom:
#   id: SL-NET-022
#   scope: node
#   severity: info
#   inputs: [neutron.conf]
#   remediation: |
#     Write dns_domain with its trailing dot: dns_domain = cloud.example.com.
package stacklint.rules.network.dns_domain

import data.stacklint.lib

report contains finding if {
	some [_, f] in lib.files("neutron.conf")
	occ := lib.last(f, "DEFAULT", "dns_domain")
	v := trim_space(occ.value)
	not v in {"", "openstacklocal", "openstacklocal."}
	not endswith(v, ".")
	finding := {
		"message": sprintf("%s is '%s' without the trailing '.': DNS integration publishes names that do not resolve", [lib.where(f, "DEFAULT", "dns_domain"), v]),
		"locations": [lib.loc(f, "DEFAULT", "dns_domain", occ)],
	}
}
