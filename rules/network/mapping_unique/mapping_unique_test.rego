package stacklint.rules.network.mapping_unique_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.mapping_unique

_lb(v) := fx.file("cmp1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"linux_bridge": {"physical_interface_mappings": v}})

_ovs(v) := fx.file("net1", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"ovs": {"bridge_mappings": v}})

_in(f, proc) := fx.deployment([fx.node(f.node, [proc], [f])])

test_value_not_unique if {
	fs := mapping_unique.report with input as _in(_lb("provider:eth1,vxlan:eth1"), "neutron-linuxbridge-agent")
	count(fs) == 1
	some f in fs
	f.message == "linuxbridge_agent.ini [linux_bridge] physical_interface_mappings on cmp1: Value eth1 in mapping: 'vxlan:eth1' not unique: neutron-linuxbridge-agent stops at start (Parsing physical_interface_mappings failed) and no port binds there"
	f.locations[0].key == "physical_interface_mappings"
}

test_key_not_unique_ovs if {
	fs := mapping_unique.report with input as _in(_ovs("physnet1:br-ex, physnet1:br-vlan"), "neutron-openvswitch-agent")
	count(fs) == 1
	some f in fs
	contains(f.message, "Key physnet1 in mapping: 'physnet1:br-vlan' not unique: neutron-openvswitch-agent stops")
}

test_invalid if {
	fs := mapping_unique.report with input as _in(_lb("provider=eth1, ext:"), "neutron-linuxbridge-agent")
	count(fs) == 2
}

test_unique_no_hit if {
	mapping_unique.report with input as _in(_lb("provider:eth1, physnet2:bond0.20"), "neutron-linuxbridge-agent") == set()
	mapping_unique.report with input as _in(_ovs("physnet1:br-ex,physnet2:br-vlan"), "neutron-openvswitch-agent") == set()
	mapping_unique.report with input as _in(_lb(""), "neutron-linuxbridge-agent") == set()
}

test_not_running_no_hit if {
	mapping_unique.report with input as _in(_lb("provider:eth1,vxlan:eth1"), "nova-compute") == set()
}
