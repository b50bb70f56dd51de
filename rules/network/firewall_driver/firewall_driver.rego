# METADATA
# title: Security groups are not enforced the way the agent needs
# description: |
#   Each L2 agent applies security groups through its [securitygroup]
#   firewall_driver. The linuxbridge agent needs the iptables driver
#   (IptablesFirewallDriver); the OVS agent needs openvswitch or
#   iptables_hybrid (OVSHybridIptablesFirewallDriver), since plain iptables
#   rules never see traffic that stays inside br-int. With
#   enable_security_group = true (the default) and no driver, or noop,
#   the agent applies nothing: every port is open whatever its groups say.
# custom:
#   id: SL-NET-009
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   remediation: |
#     Set [securitygroup] firewall_driver = iptables in linuxbridge_agent.ini,
#     or openvswitch (or iptables_hybrid) in openvswitch_agent.ini, and keep
#     enable_security_group = true.
package stacklint.rules.network.firewall_driver

import data.stacklint.lib
import data.stacklint.lib.network as net

_fits("linuxbridge") := {"iptables", "neutron.agent.linux.iptables_firewall.IptablesFirewallDriver"}

_fits("openvswitch") := {
	"openvswitch", "iptables_hybrid",
	"neutron.agent.linux.openvswitch_firewall.OVSFirewallDriver",
	"neutron.agent.linux.iptables_firewall.OVSHybridIptablesFirewallDriver",
}

_noop := {"noop", "neutron.agent.firewall.NoopFirewallDriver"}

# _driver is [file, occurrence] of the firewall_driver the agent reads: its
# own file, else ml2_conf.ini on the same node (Icehouse guides put it there).
_driver(a) := [a.file, occ] if occ := lib.last(a.file, "securitygroup", "firewall_driver")

else := lib.effective(input.nodes[a.node], ["ml2_conf.ini", "plugin.ini"], "securitygroup", "firewall_driver")

_problem(a, v) := "applies no security group (noop)" if v in _noop

_problem(a, v) := sprintf("does not fit the %s agent (use %s)", [a.type, _advice[a.type]]) if {
	not v in _noop
	not v in _fits(a.type)
}

_advice := {"linuxbridge": "iptables", "openvswitch": "openvswitch or iptables_hybrid"}

report contains finding if {
	some a in net.agents
	net.opt_bool(a.file, "securitygroup", "enable_security_group", true)
	[f, occ] := _driver(a)
	problem := _problem(a, trim_space(occ.value))
	finding := {
		"message": sprintf("%s is '%s', which %s: ports on %s are not filtered by their security groups", [lib.where(f, "securitygroup", "firewall_driver"), occ.value, problem, a.node]),
		"locations": [lib.loc(f, "securitygroup", "firewall_driver", occ)],
	}
}

report contains finding if {
	some a in net.agents
	net.opt_bool(a.file, "securitygroup", "enable_security_group", true)
	not _driver(a)
	finding := {
		"message": sprintf("%s [securitygroup] firewall_driver on %s is not set, so the %s agent uses noop: ports on %s are not filtered by their security groups", [a.file.kind, a.node, a.type, a.node]),
		"locations": [net.at(a.file, "securitygroup", "firewall_driver")],
	}
}
