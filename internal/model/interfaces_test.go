package model

import (
	"reflect"
	"testing"
)

// TestInterfaceFacts: nodes.<n>.interfaces merges interface files and a
// sos report's command outputs by name (ip -d address's kind and MTU win
// over the files', ovs-vsctl show's bridges over ip -d address's OVS
// devices), relates members, bridges and bonds both ways, and adds the
// running addresses to interface_addresses; nodes.<n>.cpu reads cpuinfo.
func TestInterfaceFacts(t *testing.T) {
	doc := build(t, map[string]string{
		"net/etc/hostname": "net\n",
		"net/etc/network/interfaces": "iface eth1 inet manual\n  mtu 9000\n" +
			"iface br-ex inet manual\n  ovs_type OVSBridge\n  ovs_ports eth1\n" +
			"iface bond0 inet manual\n  bond-slaves eth2 eth3\n  mtu 9000\n",
		"net/sos_commands/networking/ip_-d_address": "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n" +
			"1: eth1: <BROADCAST,UP> mtu 1500 qdisc mq master ovs-system state UP\n" +
			"    link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff\n    openvswitch_slave\n" +
			"2: br-ex: <BROADCAST,UP> mtu 1500 qdisc noqueue state UNKNOWN\n    link/ether 52:54:00:00:00:02 brd ff:ff:ff:ff:ff:ff\n    openvswitch\n" +
			"    inet 192.0.2.21/24 scope global br-ex\n",
		"net/sos_commands/openvswitch/ovs-vsctl_-t_5_show": "uuid\n    Bridge br-ex\n        Port br-ex\n            Interface br-ex\n                type: internal\n        Port eth1\n            Interface eth1\n",
		"net/proc/cpuinfo": "processor\t: 0\nflags\t\t: fpu svm sse\n",
	})
	node := doc["nodes"].(map[string]any)["net"].(map[string]any)
	ifs := node["interfaces"].(map[string]any)
	eth1 := ifs["eth1"].(map[string]any)
	if eth1["mtu"] != 1500 || eth1["kind"] != "ethernet" || eth1["bridge"] != "br-ex" {
		t.Errorf("eth1: %+v", eth1)
	}
	if got := eth1["sources"].([]any); len(got) != 3 || got[0].(map[string]any)["kind"] != "netif" || got[2].(map[string]any)["line"] != 7 {
		t.Errorf("eth1 sources: %+v", got)
	}
	brex := ifs["br-ex"].(map[string]any)
	if brex["kind"] != "ovs-bridge" || !reflect.DeepEqual(brex["members"], []any{"br-ex", "eth1"}) || !reflect.DeepEqual(brex["addresses"], []any{"192.0.2.21"}) {
		t.Errorf("br-ex: %+v", brex)
	}
	bond := ifs["bond0"].(map[string]any)
	if bond["kind"] != "bond" || bond["mtu"] != 9000 || !reflect.DeepEqual(bond["members"], []any{"eth2", "eth3"}) {
		t.Errorf("bond0: %+v", bond)
	}
	if !reflect.DeepEqual(node["interface_sources"], []any{"netif", "sos-ip-address", "sos-ovs-show"}) {
		t.Errorf("interface_sources: %+v", node["interface_sources"])
	}
	if !reflect.DeepEqual(node["interface_addresses"], []any{"192.0.2.21"}) {
		t.Errorf("interface_addresses: %+v", node["interface_addresses"])
	}
	if cpu := node["cpu"].(map[string]any); cpu["virt"] != "svm" || cpu["path"] != "net/proc/cpuinfo" || cpu["line"] != 2 {
		t.Errorf("cpu: %+v", cpu)
	}
}

// TestFailedCommandOutputs: a sos command that failed (an error message,
// an empty file) lists no device: it is no source, so that no device is
// said to be missing from it.
func TestFailedCommandOutputs(t *testing.T) {
	doc := build(t, map[string]string{
		"net/etc/hostname":                                   "net\n",
		"net/etc/network/interfaces":                         "iface eth1 inet manual\n",
		"net/sos_commands/networking/ip_-d_address":          "Object \"address\" is unknown, try \"ip help\".\n",
		"net/sos_commands/openvswitch/ovs-vsctl_-t_5_show":   "ovs-vsctl: unix:/var/run/openvswitch/db.sock: database connection failed (No such file or directory)\n",
		"other/etc/hostname":                                 "other\n",
		"other/sos_commands/networking/ip_-d_address":        "",
		"other/sos_commands/openvswitch/ovs-vsctl_-t_5_show": "",
	})
	nodes := doc["nodes"].(map[string]any)
	if got := nodes["net"].(map[string]any)["interface_sources"]; !reflect.DeepEqual(got, []any{"netif"}) {
		t.Errorf("net: interface_sources %+v, want the interface file only", got)
	}
	if got := nodes["other"].(map[string]any)["interface_sources"]; len(got.([]any)) != 0 {
		t.Errorf("other: interface_sources %+v, want none", got)
	}
}

// TestPathMTU: a VLAN at 9000 on a bond at 1500 sends 1500 bytes (the
// bond is the smaller MTU on the way out); an OVS internal port's packets
// leave by its bridge's physical port.
func TestPathMTU(t *testing.T) {
	doc := build(t, map[string]string{
		"net/etc/hostname": "net\n",
		"net/etc/network/interfaces": "iface bond0 inet manual\n  bond-slaves eth2 eth3\n  mtu 1500\n" +
			"iface bond0.100 inet static\n  address 10.0.1.31/24\n  mtu 9000\n",
		"ovs/etc/hostname": "ovs\n",
		"ovs/sos_commands/networking/ip_-d_address": "1: lo: <LOOPBACK,UP> mtu 65536\n    link/loopback 00:00:00:00:00:00\n" +
			"2: eth1: <BROADCAST,UP> mtu 1500 qdisc mq master ovs-system state UP\n    link/ether 52:54:00:00:00:02\n    openvswitch_slave\n" +
			"3: br-tun0: <BROADCAST,UP> mtu 9000 qdisc noqueue state UNKNOWN\n    link/ether 52:54:00:00:00:03\n    openvswitch\n    inet 10.0.1.32/24 scope global br-tun0\n",
		"ovs/sos_commands/openvswitch/ovs-vsctl_-t_5_show": "uuid\n    Bridge br-phy\n        Port br-tun0\n            Interface br-tun0\n                type: internal\n        Port eth1\n            Interface eth1\n",
	})
	nodes := doc["nodes"].(map[string]any)
	vlan := nodes["net"].(map[string]any)["interfaces"].(map[string]any)["bond0.100"].(map[string]any)
	if p, ok := vlan["path_mtu"].(map[string]any); !ok || p["mtu"] != 1500 || p["via"] != "bond0" {
		t.Errorf("bond0.100: %+v", vlan)
	}
	port := nodes["ovs"].(map[string]any)["interfaces"].(map[string]any)["br-tun0"].(map[string]any)
	if p, ok := port["path_mtu"].(map[string]any); !ok || p["mtu"] != 1500 || p["via"] != "eth1" {
		t.Errorf("br-tun0: %+v", port)
	}
	if eth := nodes["ovs"].(map[string]any)["interfaces"].(map[string]any)["eth1"].(map[string]any); eth["path_mtu"] != nil {
		t.Errorf("eth1 has no smaller MTU on its way: %+v", eth)
	}
}
