package model

import (
	"net/netip"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// hostsPath is the path of the node's /etc/hosts, or "".
func (b *nodeBuilder) hostsPath() string {
	for _, f := range b.files {
		if f.Kind == snapshot.KindHosts {
			return f.Path
		}
	}
	return ""
}

// selfLoopback lists the /etc/hosts entries that map one of the node's own
// names to a loopback address (Debian's "127.0.1.1 hostname"): [{addr,
// line, name}].
func (b *nodeBuilder) selfLoopback() []any {
	out := []any{}
	for _, e := range b.hosts {
		a, err := netip.ParseAddr(e.Addr)
		if err != nil || !a.IsLoopback() {
			continue
		}
		for _, n := range e.Names {
			if b.isSelf(n) && !strings.EqualFold(n, "localhost") {
				out = append(out, map[string]any{"addr": e.Addr, "line": e.Line, "name": n})
				break
			}
		}
	}
	return out
}

// hostsCopy is what one node's /etc/hosts says about one name.
type hostsCopy struct {
	node, path string
	addrs      string // sorted, comma-separated, loopback left out
	line       int
}

// hostsConflicts finds names that nodes' /etc/hosts files map to different
// addresses. Each node that disagrees with the address set most nodes use
// gets one entry, with the first node of the majority as reference.
// Loopback entries are left out (a node's own name on 127.0.1.1 is its own
// finding).
func hostsConflicts(builders []*nodeBuilder) []any {
	byName := map[string][]hostsCopy{}
	tables := map[string]map[string]hostsCopy{} // identical hosts files are read once
	for _, b := range builders {
		if !b.hasHosts {
			continue
		}
		table, ok := tables[b.hostsID]
		if !ok {
			table = b.nameCopies()
			tables[b.hostsID] = table
		}
		path := b.hostsPath()
		for name, c := range table {
			c.node, c.path = b.name, path
			byName[name] = append(byName[name], c)
		}
	}
	out := []any{}
	for _, name := range sortedKeys(byName) {
		out = append(out, conflictsOf(name, byName[name])...)
	}
	return out
}

// nameCopies maps each name of the node's hosts file to its non-loopback
// addresses and first line (node and path are filled in by the caller).
func (b *nodeBuilder) nameCopies() map[string]hostsCopy {
	addrs := map[string][]string{}
	lines := map[string]int{}
	for _, e := range b.hosts {
		if a, err := netip.ParseAddr(e.Addr); err != nil || a.IsLoopback() {
			continue
		}
		for _, n := range e.Names {
			n = strings.ToLower(n)
			addrs[n] = append(addrs[n], e.Addr)
			if _, ok := lines[n]; !ok {
				lines[n] = e.Line
			}
		}
	}
	out := map[string]hostsCopy{}
	for n, a := range addrs {
		out[n] = hostsCopy{addrs: strings.Join(uniqueSorted(a), ","), line: lines[n]}
	}
	return out
}

func conflictsOf(name string, copies []hostsCopy) []any {
	count := map[string]int{}
	for _, c := range copies {
		count[c.addrs]++
	}
	if len(count) < 2 {
		return nil
	}
	sort.Slice(copies, func(i, j int) bool { return copies[i].node < copies[j].node })
	major := copies[0].addrs
	for _, c := range copies {
		if count[c.addrs] > count[major] {
			major = c.addrs
		}
	}
	var ref hostsCopy
	for _, c := range copies {
		if c.addrs == major {
			ref = c
			break
		}
	}
	var out []any
	for _, c := range copies {
		if c.addrs != major {
			out = append(out, map[string]any{
				"name": name, "node": c.node, "path": c.path, "line": c.line, "addrs": c.addrs,
				"ref_node": ref.node, "ref_path": ref.path, "ref_line": ref.line, "ref_addrs": ref.addrs,
			})
		}
	}
	return out
}
