package model

import (
	"net/netip"
	"slices"
	"sort"
	"strings"
)

// lookupOwn returns what a hosts table says about the node's own names
// (node directory name, hostname, short hostname), loopback excluded.
func (b *nodeBuilder) lookupOwn() []string {
	if b.table == nil {
		return nil
	}
	short, _, _ := strings.Cut(b.hostname, ".")
	var out []string
	for _, n := range []string{b.name, b.hostname, short} {
		out = append(out, b.table.lookup(n)...)
	}
	return uniqueSorted(out)
}

// addresses are the node's own addresses: its /etc/hosts entries for its
// own names, its interface addresses and nova's my_ip unless stronger
// evidence disputes it (see disputedAddresses): a my_ip copied from another
// node must not make this node the owner of that node's address (issue 17).
// knownOwners maps each address the snapshot knows without trusting
// service configuration to the node it belongs to (claimOwner).
func (b *nodeBuilder) addresses(knownOwners map[string]any) []string {
	out := append([]string{}, b.ownAddrs...)
	for _, c := range b.myIPs() {
		if b.dispute(c.addr, knownOwners) == "" {
			out = append(out, c.addr)
		}
	}
	return uniqueSorted(out)
}

// configAddr is an address a service configuration claims for the node:
// the option's value and where it is written.
type configAddr struct {
	addr, path string
	line       int
}

// myIPs lists the [DEFAULT] my_ip (last occurrence) of each nova.conf and
// cinder.conf of the node (cinder-volume registers and exports volumes on
// its my_ip), in canonical form; values that are no address are left out.
func (b *nodeBuilder) myIPs() []configAddr {
	var out []configAddr
	for _, f := range b.files {
		if (f.Kind != "nova.conf" && f.Kind != "cinder.conf") || f.INI == nil {
			continue
		}
		v, ok := f.INI.Section("DEFAULT").Last("my_ip")
		if !ok {
			continue
		}
		if ip, err := netip.ParseAddr(strings.TrimSpace(v.Text)); err == nil && !ip.IsLoopback() {
			out = append(out, configAddr{addr: ip.String(), path: f.Path, line: v.Line})
		}
	}
	return out
}

// dispute says why addr, claimed by the node's configuration, is not the
// node's own: another node holds it (that node's interface files, or an
// /etc/hosts of the fleet naming it), or the node's own interface files
// are known and none carries it. "" when nothing disputes it.
func (b *nodeBuilder) dispute(addr string, knownOwners map[string]any) string {
	if slices.Contains(b.ownAddrs, addr) || slices.Contains(b.known, addr) {
		return ""
	}
	if other, ok := knownOwners[addr].(string); ok && other != b.name {
		return "the address of " + other
	}
	if len(b.ifaces) > 0 {
		return "on none of the node's interfaces"
	}
	return ""
}

// disputedAddresses lists, for the document, each my_ip the node's
// configuration claims and addresses leaves out: {addr, path, line, why}.
func (b *nodeBuilder) disputedAddresses(knownOwners map[string]any) []any {
	out := []any{}
	for _, c := range b.myIPs() {
		if why := b.dispute(c.addr, knownOwners); why != "" {
			out = append(out, map[string]any{"addr": c.addr, "path": c.path, "line": c.line, "why": why})
		}
	}
	return out
}

// knownAddresses are the addresses the snapshot says belong to each node
// without trusting the node's own service configuration (my_ip, local_ip):
// its interfaces and what every node's /etc/hosts says about its names.
// Rules use them to tell "another node's address" from "an unknown one".
func knownAddresses(builders []*nodeBuilder) map[string][]string {
	names := map[string][]string{} // every distinct /etc/hosts once, merged
	seen := map[string]bool{}
	for _, b := range builders {
		if !b.hasHosts || seen[b.hostsID] {
			continue
		}
		seen[b.hostsID] = true
		for _, e := range b.hosts {
			for _, n := range e.Names {
				n = strings.ToLower(n)
				names[n] = append(names[n], e.Addr)
			}
		}
	}
	out := map[string][]string{}
	for _, b := range builders {
		addrs := append([]string{}, b.ownAddrs...)
		short, _, _ := strings.Cut(b.hostname, ".")
		for _, n := range []string{b.name, b.hostname, short} {
			addrs = append(addrs, names[strings.ToLower(n)]...)
		}
		out[b.name] = uniqueSorted(addrs)
	}
	return out
}

// uniqueSorted keeps valid, non-loopback addresses in canonical form,
// sorted and without repeats.
func uniqueSorted(in []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, a := range in {
		ip, err := netip.ParseAddr(strings.TrimSpace(a))
		if err != nil || ip.IsLoopback() || seen[ip.String()] {
			continue
		}
		seen[ip.String()] = true
		out = append(out, ip.String())
	}
	sort.Strings(out)
	return out
}

// claimOwner records name as the owner of each address not yet claimed by a
// node of a smaller name: "owners" maps an address to the node it is, so
// rules can tell which node a URL reaches.
func claimOwner(owners map[string]any, name string, addrs []string) {
	for _, a := range addrs {
		if prev, ok := owners[a].(string); !ok || name < prev {
			owners[a] = name
		}
	}
}
