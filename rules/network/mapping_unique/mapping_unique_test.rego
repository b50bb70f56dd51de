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

# The SR-IOV agent maps one physical network to several devices.
test_sriov_repeats_no_hit if {
	f := fx.file("cmp1", "sriov_agent.ini", "etc/neutron/plugins/ml2/sriov_agent.ini", {"sriov_nic": {"physical_device_mappings": "physnet2:ens1f0,physnet2:ens1f1"}})
	mapping_unique.report with input as _in(f, "neutron-sriov-nic-agent") == set()
}

test_sriov_invalid if {
	f := fx.file("cmp1", "sriov_agent.ini", "etc/neutron/plugins/ml2/sriov_agent.ini", {"sriov_nic": {"physical_device_mappings": "ens1f0"}})
	fs := mapping_unique.report with input as _in(f, "neutron-sriov-nic-agent")
	some x in fs
	contains(x.message, "Invalid mapping: 'ens1f0' (not physnet:name): neutron-sriov-nic-agent stops at start")
}
