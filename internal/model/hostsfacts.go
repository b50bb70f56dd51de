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
	if b.table == nil {
		return out
	}
	for _, e := range b.table.loopback {
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
	list       []string
	line       int
}

// ifaceSource is where an interface address of a node is configured.
type ifaceSource struct {
	path string
	line int
}

// noteIface records where an interface address is configured (the first
// file and line that carries it).
func (b *nodeBuilder) noteIface(addr, path string, line int) {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return
	}
	if b.ifaceAt == nil {
		b.ifaceAt = map[string]ifaceSource{}
	}
	if _, ok := b.ifaceAt[a.String()]; !ok {
		b.ifaceAt[a.String()] = ifaceSource{path: path, line: line}
	}
}

// hostsConflicts finds names that nodes' /etc/hosts files map to different
// addresses. The authority for a name is the node it names, by its own
// interface configuration: when some copies map the name only to
// addresses on that node's interfaces, every other copy gets an entry
// (basis "interfaces", the reference being the first agreeing copy and the
// interface file). Otherwise each node that disagrees with the address set
// most nodes use gets one entry, with the first node of the majority as
// reference (basis "majority", with why no authority applies and the
// counts). Loopback entries are left out (a node's own name on 127.0.1.1
// is its own finding).
//
// Identical hosts files are compared once: a name whose copies all agree
// costs one look per distinct file, however many nodes share it (a
// fleet-wide file on ten thousand nodes is not ten thousand copies of
// ten thousand names).
func hostsConflicts(builders []*nodeBuilder) []any {
	type use struct {
		table map[string]hostsCopy
		nodes []*nodeBuilder
	}
	uses := map[string]*use{} // hostsID -> its table and the nodes holding it
	var order []string
	named := map[string]*nodeBuilder{} // a node's own names (lower case) -> node
	for _, b := range builders {
		short, _, _ := strings.Cut(b.hostname, ".")
		for _, n := range []string{b.name, b.hostname, short} {
			named[strings.ToLower(n)] = b
		}
		if !b.hasHosts {
			continue
		}
		u, ok := uses[b.hostsID]
		if !ok {
			u = &use{table: b.nameCopies()}
			uses[b.hostsID] = u
			order = append(order, b.hostsID)
		}
		u.nodes = append(u.nodes, b)
	}
	tablesOf := map[string][]*use{} // name -> the distinct files naming it
	for _, id := range order {
		for name := range uses[id].table {
			tablesOf[name] = append(tablesOf[name], uses[id])
		}
	}
	out := []any{}
	for _, name := range sortedKeys(tablesOf) {
		files := tablesOf[name]
		agree := true
		for _, u := range files[1:] {
			agree = agree && u.table[name].addrs == files[0].table[name].addrs
		}
		if agree {
			continue
		}
		var copies []hostsCopy
		for _, u := range files {
			for _, b := range u.nodes {
				c := u.table[name]
				c.node, c.path = b.name, b.hostsPath()
				copies = append(copies, c)
			}
		}
		out = append(out, conflictsOf(name, copies, named[name])...)
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
		list := uniqueSorted(a)
		out[n] = hostsCopy{addrs: strings.Join(list, ","), list: list, line: lines[n]}
	}
	return out
}

// conflictsOf compares the copies of one name; target is the node the name
// names (nil when it names none).
func conflictsOf(name string, copies []hostsCopy, target *nodeBuilder) []any {
	count := map[string]int{}
	for _, c := range copies {
		count[c.addrs]++
	}
	if len(count) < 2 {
		return nil
	}
	sort.Slice(copies, func(i, j int) bool { return copies[i].node < copies[j].node })
	if out := byInterfaces(name, copies, target); out != nil {
		return out
	}
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
	why := noAuthority(target)
	var out []any
	for _, c := range copies {
		if c.addrs != major {
			e := conflictEntry(name, c, ref)
			e["basis"], e["why"], e["ref_count"], e["copies"] = "majority", why, count[major], len(copies)
			out = append(out, e)
		}
	}
	return out
}

// byInterfaces judges the copies by the named node's interface addresses:
// nil when no copy maps the name only to them.
func byInterfaces(name string, copies []hostsCopy, target *nodeBuilder) []any {
	if target == nil || len(target.ifaceAt) == 0 {
		return nil
	}
	var ref *hostsCopy
	for i, c := range copies {
		if target.holdsAll(c.list) {
			ref = &copies[i]
			break
		}
	}
	if ref == nil {
		return nil
	}
	src := target.ifaceAt[canonical(ref.list[0])]
	var out []any
	for _, c := range copies {
		if target.holdsAll(c.list) {
			continue
		}
		e := conflictEntry(name, c, *ref)
		e["basis"], e["target"] = "interfaces", target.name
		e["iface_path"], e["iface_line"], e["iface_addrs"] = src.path, src.line, strings.Join(sortedKeys(target.ifaceAt), ",")
		out = append(out, e)
	}
	return out
}

// holdsAll: every address is configured on one of the node's interfaces.
func (b *nodeBuilder) holdsAll(addrs []string) bool {
	for _, a := range addrs {
		if _, ok := b.ifaceAt[canonical(a)]; !ok {
			return false
		}
	}
	return len(addrs) > 0
}

// canonical is an address in netip's form ("" for no address).
func canonical(a string) string {
	if ip, err := netip.ParseAddr(a); err == nil {
		return ip.String()
	}
	return ""
}

// noAuthority says why a name's copies are compared with their majority.
func noAuthority(target *nodeBuilder) string {
	switch {
	case target == nil:
		return "no node of the snapshot has that name"
	case len(target.ifaceAt) == 0:
		return "no interface configuration of " + target.name + " in the snapshot"
	}
	return "no copy maps it to an address on " + target.name + "'s interfaces"
}

func conflictEntry(name string, c, ref hostsCopy) map[string]any {
	return map[string]any{
		"name": name, "node": c.node, "path": c.path, "line": c.line, "addrs": c.addrs,
		"ref_node": ref.node, "ref_path": ref.path, "ref_line": ref.line, "ref_addrs": ref.addrs,
	}
}
