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
#   Both options are read in effect: written, else the release's default
#   (firewall_driver has none in any release, and the agent then loads
#   noop).
# custom:
#   id: SL-NET-009
#   scope: aggregate
#   severity: error
#   inputs: [linuxbridge_agent.ini, openvswitch_agent.ini, ml2_conf.ini]
#   defaults:
#     - [linuxbridge_agent.ini, securitygroup, firewall_driver]
#     - [openvswitch_agent.ini, securitygroup, firewall_driver]
#     - [ml2_conf.ini, securitygroup, firewall_driver]
#     - [linuxbridge_agent.ini, securitygroup, enable_security_group]
#     - [openvswitch_agent.ini, securitygroup, enable_security_group]
#     - [ml2_conf.ini, securitygroup, enable_security_group]
#   remediation: |
#     Set [securitygroup] firewall_driver = iptables in linuxbridge_agent.ini,
#     or openvswitch (or iptables_hybrid) in openvswitch_agent.ini, and keep
#     enable_security_group = true.
package stacklint.rules.network.firewall_driver

import data.stacklint.lib
import data.stacklint.lib.network as net
import data.stacklint.lib.settings

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

# _sg_off: the agent's enable_security_group in effect is false (written,
# or its release's default; unknown counts as on, the default of every
# release).
_sg_off(a) if not settings.is_true(lib.setting(input.nodes[a.node], [a.file.kind], "securitygroup", "enable_security_group"))

# aggregate: each neutron-server's [ml2] mechanism_drivers in effect
# ({"ml2_drivers": {node, drivers}}, from which the report rebuilds
# net.ovn_only: agent ini files are leftovers on an OVN-only fleet) and the
# findings of each node's L2 agent ({"finding": finding}), which depend on
# the node alone.
aggregate contains {"ml2_drivers": d} if some d in net.ml2_drivers

aggregate contains {"finding": finding} if {
	some a in net.node_agents
	not _sg_off(a)
	[f, occ] := _driver(a)
	problem := _problem(a, trim_space(occ.value))
	finding := {
		"message": sprintf("%s is '%s', which %s: ports on %s are not filtered by their security groups", [lib.where(f, "securitygroup", "firewall_driver"), occ.value, problem, a.node]),
		"locations": [lib.loc(f, "securitygroup", "firewall_driver", occ)],
	}
}

# Unset everywhere the agent reads it: the release's default, which the
# agent replaces with noop when empty.
aggregate contains {"finding": finding} if {
	some a in net.node_agents
	not _sg_off(a)
	not _driver(a)
	s := lib.setting(input.nodes[a.node], [a.file.kind], "securitygroup", "firewall_driver")
	problem := _unset_problem(a, trim_space(s.value))
	finding := {
		"message": sprintf("%s, so the %s agent %s: ports on %s are not filtered by their security groups", [settings.unset(s, "securitygroup", "firewall_driver"), a.type, problem, a.node]),
		"locations": [settings.at(s, "securitygroup", "firewall_driver")],
	}
}

_unset_problem(_, "") := "uses noop"

_unset_problem(a, v) := _problem(a, v) if v != ""

# _ovn_only is net.ovn_only over every node's records.
_ovn_only if net.ovn_only_of({r.ml2_drivers | some r in aggregate; r.ml2_drivers})

report contains r.finding if {
	not _ovn_only
	some r in aggregate
	r.finding
}
