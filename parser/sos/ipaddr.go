// Package sos reads the command outputs a sos report keeps under
// sos_commands/ that describe a node's running network and CPU: `ip -d
// address` (interfaces, kinds, MTUs, addresses), `ovs-vsctl -t 5 show`
// (Open vSwitch bridges and their ports) and /proc/cpuinfo (hardware
// virtualisation flags). The parsers are pure, bounded by netif.MaxLinks
// interfaces, read lines of any length, and never fail: what they cannot
// read they leave out.
package sos

import (
	"bytes"
	"net/netip"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/parser/netif"
)

// detailKinds maps the first word of `ip -d`'s detail line to a kind
// (iproute2's link_util names: bridge, bond, vlan, vxlan, veth, ...).
var detailKinds = map[string]string{
	"bridge": netif.KindBridge, "bond": netif.KindBond, "vlan": netif.KindVLAN,
	"openvswitch": netif.KindOVSInternal, "vxlan": "vxlan", "geneve": "geneve", "gre": "gre",
	"gretap": "gre", "veth": "veth", "tun": "tun", "macvlan": "macvlan", "dummy": "dummy",
	"team": "team", "ipip": "ipip", "sit": "sit", "ip6tnl": "ip6tnl", "vrf": "vrf",
}

// ParseIPAddress reads `ip -d address` output: one Link per interface,
// in the output's order. The header line ("2: eth0@if5: <FLAGS> mtu 1500
// ... master br0 ...") gives the index, name, link (the part after '@' is
// a VLAN's raw device), MTU and master; the detail line after
// "link/<type>" gives the kind (bridge, bond, vlan protocol 802.1Q id N,
// openvswitch, vxlan, veth, ...; openvswitch_slave and bridge_slave say
// whose port it is); "inet A/N" and "inet6 A/N" lines with scope global
// give addresses. A device iproute2 shows as link/ether with no detail
// kind is ethernet; link/loopback is loopback. Line is the header's.
func ParseIPAddress(data []byte) []netif.Link {
	var out []netif.Link
	var cur *netif.Link
	var master string
	var slave bool
	finish := func() {
		if cur == nil {
			return
		}
		switch {
		case master == "" || master == "ovs-system":
			// an OVS port's bridge is named by ovs-vsctl show
		case slave || cur.Bond == "bond":
			cur.Bond = master
		default:
			cur.Bridge = master
		}
		if cur.Bond == "bond" {
			cur.Bond = ""
		}
		if cur.Kind == "" {
			cur.Kind = netif.KindEthernet
		}
		out = append(out, *cur)
		cur = nil
	}
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		s := string(raw)
		if s != "" && s[0] >= '0' && s[0] <= '9' {
			finish()
			if len(out) >= netif.MaxLinks {
				break
			}
			cur, master, slave = ipHeader(s, line)
			continue
		}
		if cur == nil {
			continue
		}
		ipDetail(cur, strings.Fields(s))
	}
	finish()
	return out
}

// ipHeader reads "N: name[@link]: <FLAGS> mtu M ... master X ...".
// slave: the flags hold SLAVE (a bond's slave; a bridge port does not).
func ipHeader(s string, line int) (l *netif.Link, master string, slave bool) {
	f := strings.Fields(s)
	if len(f) < 2 || !strings.HasSuffix(f[0], ":") {
		return nil, "", false
	}
	if _, err := strconv.Atoi(strings.TrimSuffix(f[0], ":")); err != nil {
		return nil, "", false
	}
	name, link, _ := strings.Cut(strings.TrimSuffix(f[1], ":"), "@")
	if !validName(name) {
		return nil, "", false
	}
	l = &netif.Link{Name: name, Line: line}
	if len(f) > 2 && strings.HasPrefix(f[2], "<") {
		slave = strings.Contains(","+strings.Trim(f[2], "<>")+",", ",SLAVE,")
	}
	if validName(link) && !strings.HasPrefix(link, "if") && link != "NONE" {
		l.Parent = link
	}
	l.MTU, master = headerWords(f[2:])
	return l, master, slave
}

// headerWords reads "mtu N" and "master X" of a header line's words.
func headerWords(f []string) (mtu int, master string) {
	for i := 0; i+1 < len(f); i++ {
		switch f[i] {
		case "mtu":
			if n, err := strconv.Atoi(f[i+1]); err == nil && n > 0 && n <= 1<<20 {
				mtu = n
			}
		case "master":
			if validName(f[i+1]) {
				master = f[i+1]
			}
		}
	}
	return mtu, master
}

// ipDetail reads one indented line of an interface's block.
func ipDetail(l *netif.Link, f []string) {
	if len(f) == 0 {
		return
	}
	switch f[0] {
	case "link/loopback":
		l.Kind = netif.KindLoopback
	case "inet", "inet6":
		if a, ok := globalAddr(f); ok {
			l.Addresses = appendNew(l.Addresses, a)
		}
	case "bond_slave":
		l.Bond = "bond" // the header's master names it
	default:
		if k, ok := detailKinds[f[0]]; ok {
			l.Kind = k
			if k == netif.KindVLAN && l.Parent == "" {
				l.Parent = vlanRaw(l.Name)
			}
		}
	}
	if l.Kind != netif.KindVLAN && l.Kind != "" {
		l.Parent = "" // name@ifN of a veth, a tunnel's "@NONE"
	}
}

// globalAddr is the address of an "inet A/N ... scope global" line:
// canonical, not loopback, link-local or scoped.
func globalAddr(f []string) (string, bool) {
	if len(f) < 2 || !globalScope(f) {
		return "", false
	}
	addr, _, _ := strings.Cut(f[1], "/")
	a, err := netip.ParseAddr(addr)
	if err != nil || a.IsLoopback() || a.IsLinkLocalUnicast() || a.Zone() != "" {
		return "", false
	}
	return a.String(), true
}

// globalScope: an address line whose scope is global (or unsaid).
func globalScope(f []string) bool {
	for i := 2; i+1 < len(f); i++ {
		if f[i] == "scope" {
			return f[i+1] == "global"
		}
	}
	return true
}

func vlanRaw(name string) string {
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return ""
	}
	return name[:dot]
}

// validName accepts a Linux interface name (1..15 bytes, no space, '/', ':').
func validName(s string) bool {
	return s != "" && len(s) <= 15 && s != "." && s != ".." && !strings.ContainsAny(s, " \t/:\x00\"'")
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
