package stacklint.rules.network.isolated_metadata_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.isolated_metadata as rule

_dhcp(opts) := fx.node("n", ["neutron-dhcp-agent"], [fx.file("n", "dhcp_agent.ini", "etc/neutron/dhcp_agent.ini", {"DEFAULT": opts})])

test_isolated_on if {
	r := rule.report with input as fx.deployment([_dhcp({"enable_isolated_metadata": "true"})])
	r == set()
}

test_with_l3_agent if {
	r := rule.report with input as fx.deployment([_dhcp({}), fx.node("l", ["neutron-l3-agent"], [])])
	r == set()
}

test_provider_only if {
	r := rule.report with input as fx.deployment([_dhcp({"interface_driver": "linuxbridge"})])
	r == {{
		"message": "dhcp_agent.ini [DEFAULT] enable_isolated_metadata on n is false and no node runs an L3 agent: instances get no metadata (no SSH keys, no user data)",
		"locations": [{"path": "n/etc/neutron/dhcp_agent.ini", "node": "n", "section": "DEFAULT", "key": "enable_isolated_metadata"}],
	}}
}
