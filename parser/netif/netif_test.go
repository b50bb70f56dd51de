package netif

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		f    Format
		in   string
		want []Addr
	}{
		{"interfaces", Interfaces, "auto lo\niface lo inet loopback\n\taddress 127.0.0.1\niface eth0 inet static\n  address 10.0.0.11/24\n  gateway 10.0.0.1\niface eth1 inet dhcp\n", []Addr{{"10.0.0.11", 5}}},
		{"interfaces-netmask", Interfaces, "iface eth1 inet static\naddress 10.0.1.21\nnetmask 255.255.255.0\n", []Addr{{"10.0.1.21", 2}}},
		{"ifcfg", Ifcfg, "DEVICE=eth0\nIPADDR=\"10.0.0.31\"\nIPADDR1=10.0.1.31\nPREFIX=24\n", []Addr{{"10.0.0.31", 2}, {"10.0.1.31", 3}}},
		{"keyfile", Keyfile, "[ipv4]\naddress1=10.0.0.32/24,10.0.0.1\nmethod=manual\n", []Addr{{"10.0.0.32", 2}}},
		{"netplan", Netplan, "network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses:\n        - 10.0.0.11/24\n        - \"fd00::11/64\"\n    eth1:\n      dhcp4: true\n", []Addr{{"10.0.0.11", 6}, {"fd00::11", 7}}},
		{"netplan-bad", Netplan, "network: [\n", nil},
		{"placeholder", Interfaces, "address MANAGEMENT_INTERFACE_IP_ADDRESS\n", nil},
	}
	for _, c := range cases {
		if got := Parse(c.f, []byte(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// TestLongLine: a line longer than bufio.Scanner's 64 KiB token does not
// end the file: the address after it is still read.
func TestLongLine(t *testing.T) {
	data := "# " + strings.Repeat("x", 100<<10) + "\niface eth0 inet static\n  address 10.0.0.11/24\n"
	if got := Parse(Interfaces, []byte(data)); !reflect.DeepEqual(got, []Addr{{"10.0.0.11", 3}}) {
		t.Fatalf("got %v", got)
	}
}

// TestZonedAddress: a scoped address ("fe80::1%eth0", or a zone of any
// text: "0::%,", found by FuzzParse) is no address of the node.
func TestZonedAddress(t *testing.T) {
	for _, line := range []string{"address 0::%,", "address fe80::1%eth0/64"} {
		if got := Parse(Interfaces, []byte("iface eth0 inet6 static\n  "+line+"\n")); len(got) != 0 {
			t.Errorf("%q: got %v", line, got)
		}
	}
}
