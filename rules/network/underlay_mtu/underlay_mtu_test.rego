package stacklint.rules.network.underlay_mtu_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.underlay_mtu

_lb := fx.file("cmp1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"vxlan": {"enable_vxlan": "true", "local_ip": "10.0.1.31"}})

_srv(mtu) := fx.file("ctl", "neutron.conf", "etc/neutron/neutron.conf", {"DEFAULT": {"global_physnet_mtu": mtu}})

_if(mtu) := {"kind": "ethernet", "mtu": mtu, "members": [], "parent": "", "bridge": "", "bond": "", "addresses": ["10.0.1.31"], "sources": [{"path": "cmp1/sos_commands/networking/ip_-d_address", "line": 9, "kind": "sos-ip-address"}]}

_in(mtu, physnet) := fx.deployment([
	fx.node("ctl", ["neutron-server"], [_srv(physnet)]),
	object.union(fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb]), {"interfaces": {"eth1": _if(mtu)}, "interface_sources": ["sos-ip-address"]}),
])

test_small_underlay if {
	fs := underlay_mtu.report with input as _in(1450, "1500")
	count(fs) == 1
	some f in fs
	f.message == "eth1 on cmp1 holds the tunnel local_ip 10.0.1.31 with MTU 1450, but neutron gives vxlan networks an MTU of 1500 - 50 = 1450 (neutron.conf [DEFAULT] global_physnet_mtu on ctl = 1500): their encapsulated packets need 1500 bytes on the underlay and are dropped"
	f.locations[0].line == 9
	count(f.locations) == 3
}

test_jumbo_physnet if {
	fs := underlay_mtu.report with input as _in(1500, "9000")
	count(fs) == 1
}

test_fits_no_hit if {
	underlay_mtu.report with input as _in(1500, "1500") == set()
	underlay_mtu.report with input as _in(9000, "9000") == set()
	underlay_mtu.report with input as _in(0, "1500") == set()
}

test_no_server_no_hit if {
	inp := fx.deployment([object.union(fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb]), {"interfaces": {"eth1": _if(1400)}, "interface_sources": ["sos-ip-address"]})])
	underlay_mtu.report with input as inp == set()
}

# A VLAN at 9000 on a bond at 1500 carries 1500 bytes: the bond's MTU
# (path_mtu, from the model) is what the tunnel meets.
test_vlan_on_smaller_bond if {
	vlan := object.union(_if(9000), {"kind": "vlan", "parent": "bond0", "path_mtu": {"mtu": 1500, "via": "bond0", "source": {"path": "cmp1/etc/netplan/01.yaml", "line": 4, "kind": "netif"}}})
	d := fx.deployment([
		fx.node("ctl", ["neutron-server"], [_srv("9000")]),
		object.union(fx.node("cmp1", ["neutron-linuxbridge-agent"], [_lb]), {"interfaces": {"eth1.100": vlan}, "interface_sources": ["netif"]}),
	])
	fs := underlay_mtu.report with input as d
	count(fs) == 1
	some f in fs
	startswith(f.message, "eth1.100 (through bond0) on cmp1 holds the tunnel local_ip 10.0.1.31 with MTU 1500")
	f.locations[0].path == "cmp1/etc/netplan/01.yaml"
}
