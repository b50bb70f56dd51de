package sos

import (
	"bytes"
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/parser/netif"
)

// checkLinks: at most MaxLinks, names valid and written on their line,
// names and MTUs sane, addresses canonical global ones.
func checkLinks(t *testing.T, data []byte, got []netif.Link) {
	t.Helper()
	if len(got) > netif.MaxLinks {
		t.Fatalf("%d links", len(got))
	}
	lines := strings.Split(string(data), "\n")
	for _, l := range got {
		if !validName(l.Name) || l.Line < 1 || l.Line > len(lines) {
			t.Fatalf("%q at line %d of %d", l.Name, l.Line, len(lines))
		}
		if !strings.Contains(lines[l.Line-1], l.Name) {
			t.Fatalf("%q is not written on line %d: %q", l.Name, l.Line, lines[l.Line-1])
		}
		for _, n := range append([]string{l.Parent, l.Bridge, l.Bond}, l.Members...) {
			if n != "" && !validName(n) {
				t.Fatalf("%s names %q", l.Name, n)
			}
		}
		if l.MTU < 0 || l.MTU > 1<<20 {
			t.Fatalf("%s: mtu %d", l.Name, l.MTU)
		}
		for _, a := range l.Addresses {
			ip, err := netip.ParseAddr(a)
			if err != nil || ip.String() != a || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				t.Fatalf("%s: address %q", l.Name, a)
			}
		}
	}
}

// FuzzIPAddress: deterministic, and checkLinks.
func FuzzIPAddress(f *testing.F) {
	f.Add([]byte(ipSample))
	f.Add([]byte("2: eth0@if9: <UP> mtu 1500 master br0\n    inet 10.0.0.1/24 scope global eth0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := ParseIPAddress(data)
		if !reflect.DeepEqual(got, ParseIPAddress(data)) {
			t.Fatal("not deterministic")
		}
		checkLinks(t, data, got)
	})
}

// FuzzOVSShow: deterministic, checkLinks, every port's bridge is a bridge
// the output names before it, and bridge names are unique members' owners.
func FuzzOVSShow(f *testing.F) {
	f.Add([]byte(ovsSample))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := ParseOVSShow(data)
		if !reflect.DeepEqual(got, ParseOVSShow(data)) {
			t.Fatal("not deterministic")
		}
		checkLinks(t, data, got)
		bridges := map[string]bool{}
		for _, l := range got {
			if l.Kind == netif.KindOVSBridge && l.Bridge == "" {
				bridges[l.Name] = true
			} else if !bridges[l.Bridge] {
				t.Fatalf("%s: port of %q, no bridge before it", l.Name, l.Bridge)
			}
		}
	})
}

// FuzzCPUInfo: deterministic; Virt is one of the four values, "" exactly
// when no line is a flags line, and Line is then a flags line of the file.
func FuzzCPUInfo(f *testing.F) {
	f.Add([]byte("processor\t: 0\nflags\t\t: fpu vmx sse\n"))
	f.Add([]byte("processor\t: 0\nFeatures\t: fp asimd\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := ParseCPUInfo(data)
		if c != ParseCPUInfo(data) {
			t.Fatal("not deterministic")
		}
		switch c.Virt {
		case "":
			if c.Line != 0 {
				t.Fatalf("line %d without a verdict", c.Line)
			}
			return
		case "vmx", "svm", "none":
		default:
			t.Fatalf("virt %q", c.Virt)
		}
		lines := bytes.Split(data, []byte("\n"))
		if c.Line < 1 || c.Line > len(lines) {
			t.Fatalf("line %d of %d", c.Line, len(lines))
		}
		k, _, _ := bytes.Cut(lines[c.Line-1], []byte(":"))
		if string(bytes.TrimSpace(k)) != "flags" {
			t.Fatalf("line %d is no flags line: %q", c.Line, lines[c.Line-1])
		}
	})
}
