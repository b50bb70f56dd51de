package netif

import (
	"reflect"
	"testing"
)

func TestParseLinks(t *testing.T) {
	cases := []struct {
		name string
		f    Format
		base string
		in   string
		want []Link
	}{
		{"ifupdown", Interfaces, "interfaces", `auto lo
iface lo inet loopback
iface eth1 inet manual
  mtu 9000
iface br-ex inet static
  bridge_ports eth1 eth2
  address 10.0.0.11/24
iface bond0 inet manual
  bond-slaves none
iface eth3 inet manual
  bond-master bond0
iface vlan20 inet manual
  vlan-raw-device bond0
iface eth1.100 inet manual
allow-ovs br-prv
iface br-prv inet manual
  ovs_type OVSBridge
  ovs_ports eth4
allow-br-prv eth4
iface eth4 inet manual
  ovs_bridge br-prv
  ovs_type OVSPort
`, []Link{
			{Name: "lo", Kind: KindLoopback, Line: 2},
			{Name: "eth1", MTU: 9000, Line: 3},
			{Name: "br-ex", Kind: KindBridge, Members: []string{"eth1", "eth2"}, Addresses: []string{"10.0.0.11"}, Line: 5},
			{Name: "bond0", Kind: KindBond, Line: 8},
			{Name: "eth3", Bond: "bond0", Line: 10},
			{Name: "vlan20", Kind: KindVLAN, Parent: "bond0", Line: 12},
			{Name: "eth1.100", Kind: KindVLAN, Parent: "eth1", Line: 14},
			{Name: "br-prv", Kind: KindOVSBridge, Members: []string{"eth4"}, Line: 16},
			{Name: "eth4", Kind: KindEthernet, Bridge: "br-prv", Line: 20},
		}},
		{"netplan", Netplan, "01.yaml", `network:
  ethernets:
    eno1: {mtu: 1450}
    nic2:
      match: {macaddress: "aa:bb:cc:dd:ee:ff"}
      set-name: eth2
  bonds:
    bond0:
      interfaces: [eth2]
      mtu: 9000
  bridges:
    br-ex:
      interfaces: [bond0]
      openvswitch: {}
      addresses: [10.0.0.5/24]
  vlans:
    vlan30: {id: 30, link: bond0}
`, []Link{
			{Name: "eno1", Kind: KindEthernet, MTU: 1450, Line: 3},
			{Name: "eth2", Kind: KindEthernet, Bond: "bond0", Line: 4},
			{Name: "bond0", Kind: KindBond, MTU: 9000, Members: []string{"eth2"}, Bridge: "br-ex", Line: 8},
			{Name: "br-ex", Kind: KindOVSBridge, Members: []string{"bond0"}, Addresses: []string{"10.0.0.5"}, Line: 12},
			{Name: "vlan30", Kind: KindVLAN, Parent: "bond0", Line: 17},
		}},
		{"ifcfg-ovs", Ifcfg, "ifcfg-br-ex", "DEVICE=br-ex\nDEVICETYPE=ovs\nTYPE=OVSBridge\nMTU=\"1500\"\nIPADDR=10.0.0.7\n",
			[]Link{{Name: "br-ex", Kind: KindOVSBridge, MTU: 1500, Addresses: []string{"10.0.0.7"}, Line: 1}}},
		{"ifcfg-port", Ifcfg, "ifcfg-eth1", "DEVICETYPE=ovs\nTYPE=OVSPort\nOVS_BRIDGE=br-ex\n",
			[]Link{{Name: "eth1", Kind: KindEthernet, Bridge: "br-ex", Line: 1}}},
		{"ifcfg-vlan", Ifcfg, "ifcfg-eth0.50", "DEVICE=eth0.50\nVLAN=yes\nBRIDGE=br0\n",
			[]Link{{Name: "eth0.50", Kind: KindVLAN, Parent: "eth0", Bridge: "br0", Line: 1}}},
		{"ifcfg-slave", Ifcfg, "ifcfg-em1", "TYPE=Ethernet\nMASTER=bond0\nSLAVE=yes\n",
			[]Link{{Name: "em1", Kind: KindEthernet, Bond: "bond0", Line: 1}}},
		{"keyfile-vlan", Keyfile, "v.nmconnection", "[connection]\nid=v\ntype=vlan\ninterface-name=vlan5\ncontroller=br0\nport-type=bridge\n[vlan]\nparent=eth0\nid=5\n[ethernet]\nmtu=1400\n",
			[]Link{{Name: "vlan5", Kind: KindVLAN, Parent: "eth0", Bridge: "br0", MTU: 1400, Line: 1}}},
		{"keyfile-ovs", Keyfile, "br-ex.nmconnection", "[connection]\ntype=ovs-bridge\n",
			[]Link{{Name: "br-ex", Kind: KindOVSBridge, Line: 1}}},
		{"netplan-bad", Netplan, "x.yaml", "network: [\n", nil},
	}
	for _, c := range cases {
		if got := ParseLinks(c.f, c.base, []byte(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}
