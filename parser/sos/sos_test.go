package sos

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/parser/netif"
)

// ipSample is `ip -d address` as iproute2 5.x prints it on a network
// node with an OVS bridge, a bond, a VLAN, a Linux bridge and a VXLAN.
const ipSample = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0 minmtu 0 maxmtu 0 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    link/ether 52:54:00:00:00:01 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535 numtxqueues 1 numrxqueues 1
    inet 10.0.0.11/24 brd 10.0.0.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::5054:ff:fe00:1/64 scope link
       valid_lft forever preferred_lft forever
3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq master ovs-system state UP group default qlen 1000
    link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 68 maxmtu 65535
    openvswitch_slave numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535
4: ovs-system: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN group default qlen 1000
    link/ether 7e:1c:00:00:00:03 brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 68 maxmtu 65535
    openvswitch numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535
5: br-ex: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN group default qlen 1000
    link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 68 maxmtu 65535
    openvswitch numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535
    inet 192.0.2.11/24 scope global br-ex
6: eth2: <BROADCAST,MULTICAST,SLAVE,UP,LOWER_UP> mtu 9000 qdisc mq master bond0 state UP group default qlen 1000
    link/ether 52:54:00:00:00:04 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535
    bond_slave state ACTIVE mii_status UP link_failure_count 0 perm_hwaddr 52:54:00:00:00:04 queue_id 0 numtxqueues 1
7: bond0: <BROADCAST,MULTICAST,MASTER,UP,LOWER_UP> mtu 9000 qdisc noqueue state UP group default qlen 1000
    link/ether 52:54:00:00:00:04 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535
    bond mode 802.3ad miimon 100 updelay 0 downdelay 0 use_carrier 1 arp_interval 0
8: bond0.20@bond0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue master brq1 state UP group default qlen 1000
    link/ether 52:54:00:00:00:04 brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 0 maxmtu 65535
    vlan protocol 802.1Q id 20 <REORDER_HDR>
    bridge_slave state forwarding priority 32 cost 100 hairpin off guard off
    inet 172.16.0.11/24 scope global bond0.20
9: brq1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc noqueue state UP group default qlen 1000
    link/ether 52:54:00:00:00:04 brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535
    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768
10: vxlan_sys_4789: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 65000 qdisc noqueue master ovs-system state UNKNOWN group default qlen 1000
    link/ether 9a:00:00:00:00:05 brd ff:ff:ff:ff:ff:ff promiscuity 1 minmtu 68 maxmtu 65535
    vxlan external id 0 srcport 0 0 dstport 4789 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx udp6zerocsumrx
    openvswitch_slave numtxqueues 1
11: tap1@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master brq1 state UP group default qlen 1000
    link/ether 9a:00:00:00:00:06 brd ff:ff:ff:ff:ff:ff link-netnsid 0 promiscuity 1
    veth numtxqueues 1 numrxqueues 1
`

func TestParseIPAddress(t *testing.T) {
	want := []netif.Link{
		{Name: "lo", Kind: netif.KindLoopback, MTU: 65536, Line: 1},
		{Name: "eth0", Kind: netif.KindEthernet, MTU: 1500, Addresses: []string{"10.0.0.11"}, Line: 5},
		{Name: "eth1", Kind: netif.KindEthernet, MTU: 1500, Line: 11},
		{Name: "ovs-system", Kind: netif.KindOVSInternal, MTU: 1500, Line: 14},
		{Name: "br-ex", Kind: netif.KindOVSInternal, MTU: 1500, Addresses: []string{"192.0.2.11"}, Line: 17},
		{Name: "eth2", Kind: netif.KindEthernet, MTU: 9000, Bond: "bond0", Line: 21},
		{Name: "bond0", Kind: netif.KindBond, MTU: 9000, Line: 24},
		{Name: "bond0.20", Kind: netif.KindVLAN, MTU: 1400, Parent: "bond0", Bridge: "brq1", Addresses: []string{"172.16.0.11"}, Line: 27},
		{Name: "brq1", Kind: netif.KindBridge, MTU: 1400, Line: 32},
		{Name: "vxlan_sys_4789", Kind: "vxlan", MTU: 65000, Line: 35},
		{Name: "tap1", Kind: "veth", MTU: 1450, Bridge: "brq1", Line: 39},
	}
	if got := ParseIPAddress([]byte(ipSample)); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%+v\nwant\n%+v", got, want)
	}
}

const ovsSample = `5a3e3c34-7d2f-4a3b-9f0e-1c2d3e4f5a6b
    Manager "ptcp:6640:127.0.0.1"
        is_connected: true
    Bridge br-ex
        Controller "tcp:127.0.0.1:6633"
            is_connected: true
        fail_mode: secure
        datapath_type: system
        Port br-ex
            Interface br-ex
                type: internal
        Port "eth1"
            Interface "eth1"
        Port phy-br-ex
            Interface phy-br-ex
                type: patch
                options: {peer=int-br-ex}
    Bridge br-tun
        Port vxlan-0a000015
            Interface vxlan-0a000015
                type: vxlan
                options: {df_default="true", in_key=flow, local_ip="10.0.0.11", out_key=flow, remote_ip="10.0.0.21"}
        Port bond1
            Interface eth5
            Interface eth6
    ovs_version: "2.17.7"
`

func TestParseOVSShow(t *testing.T) {
	want := []netif.Link{
		{Name: "br-ex", Kind: netif.KindOVSBridge, Members: []string{"br-ex", "eth1", "phy-br-ex"}, Line: 4},
		{Name: "eth1", Bridge: "br-ex", Line: 13},
		{Name: "phy-br-ex", Kind: "ovs-patch", Bridge: "br-ex", Line: 15},
		{Name: "br-tun", Kind: netif.KindOVSBridge, Members: []string{"vxlan-0a000015", "bond1"}, Line: 18},
		{Name: "vxlan-0a000015", Kind: "ovs-vxlan", Bridge: "br-tun", Line: 20},
		{Name: "eth5", Bridge: "br-tun", Bond: "bond1", Line: 24},
		{Name: "eth6", Bridge: "br-tun", Bond: "bond1", Line: 25},
	}
	if got := ParseOVSShow([]byte(ovsSample)); !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseCPUInfo(t *testing.T) {
	proc := func(n int, flags string) string {
		return "processor\t: " + string(rune('0'+n)) + "\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme de " + flags + " sse\n\n"
	}
	cases := []struct {
		name, in string
		want     CPU
	}{
		{"vmx", proc(0, "vmx") + proc(1, "vmx"), CPU{Virt: "vmx", Line: 3, Processors: 2}},
		{"svm", proc(0, "svm"), CPU{Virt: "svm", Line: 3, Processors: 1}},
		{"none", proc(0, "hypervisor"), CPU{Virt: "none", Line: 3, Processors: 1}},
		{"one-without", proc(0, "vmx") + proc(1, "hypervisor"), CPU{Virt: "none", Line: 7, Processors: 2}},
		{"arm", "processor\t: 0\nFeatures\t: fp asimd evtstrm\n", CPU{Processors: 1}},
		{"empty", "", CPU{}},
		{"vmx-word-inside", proc(0, "vmxon"), CPU{Virt: "none", Line: 3, Processors: 1}},
	}
	for _, c := range cases {
		if got := ParseCPUInfo([]byte(c.in)); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestLongLines: lines longer than bufio.Scanner's token are read.
func TestLongLines(t *testing.T) {
	long := strings.Repeat("x", 200<<10)
	got := ParseIPAddress([]byte("1: eth0: <UP> mtu 1500 " + long + "\n    link/ether 00:00 " + long + "\n2: eth1: <UP> mtu 9000\n"))
	if len(got) != 2 || got[1].MTU != 9000 {
		t.Fatalf("got %+v", got)
	}
	if c := ParseCPUInfo([]byte("flags : " + long + " vmx\n")); c.Virt != "vmx" {
		t.Fatalf("got %+v", c)
	}
}

// TestBounded: no more than netif.MaxLinks interfaces are kept.
func TestBounded(t *testing.T) {
	var b strings.Builder
	for i := 0; i < netif.MaxLinks+10; i++ {
		b.WriteString("1: e: <UP> mtu 1500\n")
	}
	if got := ParseIPAddress([]byte(b.String())); len(got) != netif.MaxLinks {
		t.Fatalf("%d links", len(got))
	}
}
