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

_defaults(v) := {"zed": {"dhcp_agent.ini": {"DEFAULT": {
	"enable_isolated_metadata": {"text": v, "host": false},
	"force_metadata": {"text": "false", "host": false},
}}}}

_released(nodes, v) := object.union(fx.released(fx.deployment(nodes), "zed", "auto"), {"defaults": _defaults(v)})

test_provider_only_written_false if {
	r := rule.report with input as fx.deployment([_dhcp({"enable_isolated_metadata": fx.at("false", 4)})])
	r == {{
		"message": "dhcp_agent.ini [DEFAULT] enable_isolated_metadata on n is false and no node runs an L3 agent: instances get no metadata (no SSH keys, no user data)",
		"locations": [{"path": "n/etc/neutron/dhcp_agent.ini", "node": "n", "line": 4, "column": 1, "section": "DEFAULT", "key": "enable_isolated_metadata"}],
	}}
}

# Unset: the release's default, false, is the fault (issue 16).
test_provider_only_unset if {
	r := rule.report with input as _released([_dhcp({"interface_driver": "linuxbridge"})], "false")
	r == {{
		"message": "dhcp_agent.ini [DEFAULT] enable_isolated_metadata on n is not set: its default in zed, false, and no node runs an L3 agent: instances get no metadata (no SSH keys, no user data)",
		"locations": [{"path": "n/etc/neutron/dhcp_agent.ini", "node": "n", "line": 1, "column": 1, "section": "DEFAULT", "key": "enable_isolated_metadata"}],
	}}
}

test_unset_default_true if {
	r := rule.report with input as _released([_dhcp({})], "true")
	r == set()
}

test_force_metadata if {
	r := rule.report with input as _released([_dhcp({"force_metadata": "True"})], "false")
	r == set()
}

test_unset_without_defaults if {
	r := rule.report with input as fx.deployment([_dhcp({})])
	r == set()
}
