# METADATA
# title: nova firewall driver set alongside neutron security groups
# description: |
#   With neutron, security groups are applied by the neutron L2 agent; nova
#   must not filter too, so until Ussuri the guides set nova.conf [DEFAULT]
#   firewall_driver = nova.virt.firewall.NoopFirewallDriver. Any other
#   driver (libvirt's IptablesFirewallDriver) adds nova's own rules on top
#   of neutron's, and traffic neutron allows is dropped. nova 21.0.0
#   removed the option together with nova-network.
# custom:
#   id: SL-NOVA-010
#   scope: aggregate
#   severity: warning
#   inputs: [nova.conf]
#   remediation: |
#     Set firewall_driver = nova.virt.firewall.NoopFirewallDriver, or
#     delete the option on nova 21.0.0 (Ussuri) and later.
package stacklint.rules.nova.firewall_driver

import data.stacklint.lib

# aggregate: whether the part holds a neutron.conf ({"neutron_conf":
# true}) and each node's nova firewall_driver findings ({"finding":
# finding}); the report keeps them when neutron.conf is somewhere in the
# fleet.
aggregate contains {"neutron_conf": true} if count(lib.files("neutron.conf")) > 0

aggregate contains {"finding": finding} if {
	some [f, "DEFAULT", "firewall_driver", occ] in lib.keyed(["firewall_driver"])
	f.kind in {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}
	not endswith(trim_space(occ.value), "NoopFirewallDriver")
	finding := {
		"message": sprintf("%s is %s while neutron provides security groups: nova filters traffic neutron allows (the option is gone from nova 21.0.0)", [lib.where(f, "DEFAULT", "firewall_driver"), occ.value]),
		"locations": [lib.loc(f, "DEFAULT", "firewall_driver", occ)],
	}
}

report contains r.finding if {
	{"neutron_conf": true} in aggregate
	some r in aggregate
	r.finding
}
