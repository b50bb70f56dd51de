package netif

import (
	"bytes"
	"net/netip"
	"reflect"
	"testing"
)

// FuzzParseLinks: every format (mod 4) is deterministic; at most
// MaxLinks interfaces, each named once with a Linux interface name, on a
// line of the file; MTUs are 0 or in Linux's range; member, parent, bridge
// and bond names are interface names; addresses are canonical, non-loopback.
func FuzzParseLinks(f *testing.F) {
	f.Add(uint8(Interfaces), "interfaces", []byte("iface br-ex inet static\n bridge_ports eth1\n mtu 9000\n address 10.0.0.1/24\n"))
	f.Add(uint8(Netplan), "01.yaml", []byte("network:\n  bridges:\n    br0: {interfaces: [eth0], openvswitch: {}, mtu: 1500}\n"))
	f.Add(uint8(Ifcfg), "ifcfg-eth0.5", []byte("VLAN=yes\nBRIDGE=br0\nMTU=1400\n"))
	f.Add(uint8(Keyfile), "x.nmconnection", []byte("[connection]\ntype=vlan\ninterface-name=v5\n[vlan]\nparent=eth0\n"))
	f.Fuzz(func(t *testing.T, format uint8, base string, data []byte) {
		ft := Format(format % 4)
		got := ParseLinks(ft, base, data)
		if again := ParseLinks(ft, base, data); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic")
		}
		if len(got) > MaxLinks {
			t.Fatalf("%d links", len(got))
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		if ft == Netplan {
			lines += bytes.Count(data, []byte("\r")) + len(data) // yaml.v3 counts more breaks (see FuzzParse)
		}
		seen := map[string]bool{}
		for _, l := range got {
			if !ifName(l.Name) || seen[l.Name] {
				t.Fatalf("name %q (repeated: %v)", l.Name, seen[l.Name])
			}
			seen[l.Name] = true
			if l.Line < 1 || l.Line > lines {
				t.Fatalf("%s at line %d of %d", l.Name, l.Line, lines)
			}
			if l.MTU != 0 && (l.MTU < 68 || l.MTU > 65536) {
				t.Fatalf("%s: mtu %d", l.Name, l.MTU)
			}
			for _, n := range append([]string{l.Parent, l.Bridge, l.Bond}, l.Members...) {
				if n != "" && !ifName(n) {
					t.Fatalf("%s names %q", l.Name, n)
				}
			}
			for _, a := range l.Addresses {
				ip, err := netip.ParseAddr(a)
				if err != nil || ip.String() != a || ip.IsLoopback() {
					t.Fatalf("%s: address %q", l.Name, a)
				}
			}
		}
	})
}
