package model

import (
	"net/netip"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/parser/hosts"
)

// lookupOwn returns what a hosts table says about the node's own names
// (node directory name, hostname, short hostname), loopback excluded.
func (b *nodeBuilder) lookupOwn(table []hosts.Entry) []string {
	short, _, _ := strings.Cut(b.hostname, ".")
	var out []string
	for _, n := range []string{b.name, b.hostname, short} {
		out = append(out, hosts.Lookup(table, n)...)
	}
	return uniqueSorted(out)
}

// addresses are the node's own addresses: its /etc/hosts entries for its
// own names, its interface addresses and nova's my_ip.
func (b *nodeBuilder) addresses() []string {
	out := append([]string{}, b.ownAddrs...)
	for _, f := range b.files {
		if f.Kind == "nova.conf" && f.INI != nil {
			if v, ok := f.INI.Section("DEFAULT").Last("my_ip"); ok {
				out = append(out, v.Text)
			}
		}
	}
	return uniqueSorted(out)
}

// knownAddresses are the addresses the snapshot says belong to each node
// without trusting the node's own service configuration (my_ip, local_ip):
// its interfaces and what every node's /etc/hosts says about its names.
// Rules use them to tell "another node's address" from "an unknown one".
func knownAddresses(builders []*nodeBuilder) map[string][]string {
	var tables [][]hosts.Entry // each distinct /etc/hosts once
	seen := map[string]bool{}
	for _, b := range builders {
		if b.hasHosts && !seen[b.hostsID] {
			seen[b.hostsID] = true
			tables = append(tables, b.hosts)
		}
	}
	index := make([]map[string][]string, len(tables))
	for i, t := range tables {
		index[i] = map[string][]string{}
		for _, e := range t {
			for _, n := range e.Names {
				n = strings.ToLower(n)
				index[i][n] = append(index[i][n], e.Addr)
			}
		}
	}
	out := map[string][]string{}
	for _, b := range builders {
		addrs := append([]string{}, b.ownAddrs...)
		short, _, _ := strings.Cut(b.hostname, ".")
		for _, idx := range index {
			for _, n := range []string{b.name, b.hostname, short} {
				addrs = append(addrs, idx[strings.ToLower(n)]...)
			}
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
