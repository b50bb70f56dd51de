package stacklint.rules.network.provider_interface_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.network.provider_interface

_lb(map) := fx.file("cmp1", "linuxbridge_agent.ini", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", {"linux_bridge": {"physical_interface_mappings": map}, "vxlan": {"enable_vxlan": "true", "local_ip": "10.0.1.31"}})

_nova := fx.file("cmp1", "nova.conf", "etc/nova/nova.conf", {"DEFAULT": {"my_ip": "10.0.0.31"}})

_if(addrs, bridge) := {"kind": "ethernet", "mtu": 0, "members": [], "parent": "", "bridge": bridge, "bond": "", "addresses": addrs, "sources": [{"path": "cmp1/etc/netplan/01.yaml", "line": 4, "kind": "netif"}]}

_in(map, ifaces) := fx.deployment([object.union(fx.node("cmp1", ["neutron-linuxbridge-agent", "nova-compute"], [_lb(map), _nova]), {"interfaces": ifaces, "interface_sources": ["netif"]})])

test_management_interface if {
	fs := provider_interface.report with input as _in("provider:eth0", {"eth0": _if(["10.0.0.31"], ""), "eth1": _if([], "")})
	count(fs) == 1
	some f in fs
	f.message == "linuxbridge_agent.ini [linux_bridge] physical_interface_mappings on cmp1 maps physical network 'provider' to eth0, which holds the node's management address 10.0.0.31 (nova.conf [DEFAULT] my_ip on cmp1): project traffic shares that interface and the agent moves the address onto its bridges"
	count(f.locations) == 3
}

test_tunnel_interface_on_agent_bridge if {
	ifaces := {"eth1": _if([], "brq12"), "brq12": _if(["10.0.1.31"], "")}
	fs := provider_interface.report with input as _in("provider:eth1", ifaces)
	some f in fs
	contains(f.message, "holds the node's tunnel local_ip 10.0.1.31 (linuxbridge_agent.ini [vxlan] local_ip on cmp1):")
}

test_unnumbered_no_hit if {
	provider_interface.report with input as _in("provider:eth2", {"eth0": _if(["10.0.0.31"], ""), "eth2": _if([], "")}) == set()
	provider_interface.report with input as _in("provider:eth2", {}) == set()
}

# One finding per mapped interface, naming every address it holds.
test_both_one_finding if {
	fs := provider_interface.report with input as _in("provider:eth0", {"eth0": _if(["10.0.0.31", "10.0.1.31"], "")})
	count(fs) == 1
	some f in fs
	contains(f.message, "holds the node's management address 10.0.0.31 (nova.conf [DEFAULT] my_ip on cmp1) and tunnel local_ip 10.0.1.31 (linuxbridge_agent.ini [vxlan] local_ip on cmp1):")
	count(f.locations) == 4
}
