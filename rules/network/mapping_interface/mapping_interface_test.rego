package stacklint.rules.network.mapping_interface_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.mapping_interface

_lb(sec, key, v) := fx.file("cmp1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {sec: {key: v}})

_ovs(v) := fx.file("cmp1", "openvswitch_agent.ini", "etc/neutron/plugins/ml2/openvswitch_agent.ini", {"ovs": {"bridge_mappings": v}})

_if(kind, bridge, bond) := {"kind": kind, "mtu": 1500, "members": [], "parent": "", "bridge": bridge, "bond": bond, "addresses": [], "sources": [{"path": "cmp1/sos_commands/networking/ip_-d_address", "line": 5, "kind": "sos-ip-address"}]}

_in(f, proc, ifaces, sources) := fx.deployment([object.union(fx.node("cmp1", [proc], [f]), {"interfaces": ifaces, "interface_sources": sources})])

_lbin(v, ifaces, sources) := _in(_lb("linux_bridge", "physical_interface_mappings", v), "neutron-linuxbridge-agent", ifaces, sources)

test_missing_interface_complete if {
	fs := mapping_interface.report with input as _lbin("provider:eth1", {"eth0": _if("ethernet", "", "")}, ["sos-ip-address"])
	count(fs) == 1
	some f in fs
	f.message == "linuxbridge_agent.ini [linux_bridge] physical_interface_mappings on cmp1 maps physical network 'provider' to eth1, which does not exist (ip -d address lists every device): neutron-linuxbridge-agent cannot plug ports of 'provider' there"
	count(f.locations) == 1
}

test_missing_interface_files_only_no_hit if {
	mapping_interface.report with input as _lbin("provider:eth1", {"eth0": _if("ethernet", "", "")}, ["netif"]) == set()
}

test_no_facts_no_hit if {
	mapping_interface.report with input as _lbin("provider:eth1", {}, []) == set()
}

test_interface_is_bridge if {
	fs := mapping_interface.report with input as _lbin("provider:br-ex", {"br-ex": _if("bridge", "", "")}, ["netif"])
	some f in fs
	contains(f.message, "which is a Linux bridge: Linux does not put a bridge inside")
	f.locations[1].line == 5
}

test_interface_port_of_other_bridge if {
	fs := mapping_interface.report with input as _lbin("provider:eth1", {"eth1": _if("ethernet", "br-ex", "")}, ["netif"])
	some f in fs
	contains(f.message, "is already a port of br-ex")
}

test_interface_bond_slave if {
	fs := mapping_interface.report with input as _lbin("provider:eth2", {"eth2": _if("ethernet", "", "bond0")}, ["sos-ip-address"])
	some f in fs
	contains(f.message, "is a slave of bond bond0")
}

test_interface_in_agent_bridge_no_hit if {
	mapping_interface.report with input as _lbin("provider:eth1", {"eth1": _if("ethernet", "brq1234", "")}, ["sos-ip-address"]) == set()
	mapping_interface.report with input as _lbin("provider:bond0.20", {"bond0.20": _if("vlan", "", "")}, ["sos-ip-address"]) == set()
}

test_lb_bridge_mapping_kind if {
	inp := _in(_lb("linux_bridge", "bridge_mappings", "provider:br-prov"), "neutron-linuxbridge-agent", {"br-prov": _if("ovs-bridge", "", "")}, ["netif"])
	fs := mapping_interface.report with input as inp
	some f in fs
	contains(f.message, "which is an Open vSwitch bridge, not a Linux bridge")
}

test_ovs_bridge_kinds if {
	fs := mapping_interface.report with input as _in(_ovs("physnet1:br-ex"), "neutron-openvswitch-agent", {"br-ex": _if("bridge", "", "")}, ["netif"])
	some f in fs
	contains(f.message, "which is a Linux bridge, not an Open vSwitch bridge")
}

test_ovs_bridge_missing_from_ovs_show if {
	fs := mapping_interface.report with input as _in(_ovs("physnet1:br-ex"), "neutron-openvswitch-agent", {"br-int": _if("ovs-bridge", "", "")}, ["sos-ovs-show"])
	some f in fs
	contains(f.message, "which is no bridge ovs-vsctl show lists")
}

test_ovs_bridge_ok if {
	mapping_interface.report with input as _in(_ovs("physnet1:br-ex"), "neutron-openvswitch-agent", {"br-ex": _if("ovs-bridge", "", "")}, ["sos-ip-address", "sos-ovs-show"]) == set()
	mapping_interface.report with input as _in(_ovs("physnet1:br-ex"), "neutron-openvswitch-agent", {"br-ex": _if("ovs-internal", "", "")}, ["sos-ip-address"]) == set()
	mapping_interface.report with input as _in(_ovs("physnet1:br-ex"), "neutron-openvswitch-agent", {"br-ex": _if("", "", "")}, ["netif"]) == set()
}

# A name the interface files describe but ip -d address does not show is
# missing on the running node.
test_missing_running_though_configured if {
	configured := object.union(_if("ethernet", "", ""), {"sources": [{"path": "cmp1/etc/netplan/01.yaml", "line": 10, "kind": "netif"}]})
	fs := mapping_interface.report with input as _lbin("provider:eth1", {"eth0": _if("ethernet", "", ""), "eth1": configured}, ["netif", "sos-ip-address"])
	some f in fs
	contains(f.message, "which does not exist (ip -d address")
}

_sriov(v) := fx.file("cmp1", "sriov_agent.ini", "etc/neutron/plugins/ml2/sriov_agent.ini", {"sriov_nic": {"physical_device_mappings": v}})

test_sriov_device_missing if {
	inp := _in(_sriov("physnet2:ens1f0,physnet2:ens1f1"), "neutron-sriov-nic-agent", {"ens1f0": _if("ethernet", "", "")}, ["sos-ip-address"])
	fs := mapping_interface.report with input as inp
	count(fs) == 1
	some f in fs
	f.message == "sriov_agent.ini [sriov_nic] physical_device_mappings on cmp1 maps physical network 'physnet2' to ens1f1, which does not exist (ip -d address lists every device): neutron-sriov-nic-agent cannot plug ports of 'physnet2' there"
}

test_sriov_files_only_no_hit if {
	mapping_interface.report with input as _in(_sriov("physnet2:ens1f1"), "neutron-sriov-nic-agent", {}, ["netif"]) == set()
}
