package model

import (
	"slices"
	"sort"

	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/netif"
)

// ifaceRank orders the sources of interface facts: command outputs
// describe the running node and win over configuration files where both
// speak; ovs-vsctl show knows Open vSwitch bridges and their ports better
// than ip -d address (which shows a bridge as an OVS internal device).
var ifaceRank = map[string]int{snapshot.KindNetif: 0, snapshot.KindSosIPAddress: 1, snapshot.KindSosOVSShow: 2}

// ifaceFacts is one interface merged from every source.
type ifaceFacts struct {
	link  netif.Link
	ranks [5]int // rank+1 of the source of kind, mtu, parent, bridge, bond (0: unset)
	srcs  []any
}

// set takes v for field i when v says something and no better source did.
func (f *ifaceFacts) set(i, rank int, empty bool, apply func()) {
	if empty || f.ranks[i] >= rank+1 { // a better source said it, or the first file of this rank
		return
	}
	apply()
	f.ranks[i] = rank + 1
}

// interfaces merges the interface facts of the node's files (interface
// configuration files in path order, then ip -d address, then ovs-vsctl
// show) by name, and lists the kinds of the sources that spoke.
func (b *nodeBuilder) interfaces() (map[string]*ifaceFacts, []string) {
	out := map[string]*ifaceFacts{}
	var kinds []string
	for _, f := range b.ifaceFiles() {
		rank := ifaceRank[f.Kind]
		if describesDevices(f) {
			kinds = append(kinds, f.Kind)
		}
		for _, l := range f.Links {
			m := out[l.Name]
			if m == nil {
				m = &ifaceFacts{link: netif.Link{Name: l.Name}}
				out[l.Name] = m
			}
			m.merge(l, rank)
			m.srcs = append(m.srcs, map[string]any{"path": f.Path, "line": l.Line, "kind": f.Kind})
		}
	}
	relate(out)
	slices.Sort(kinds)
	return out, slices.Compact(kinds)
}

// describesDevices: the file lists the node's devices, so that it counts
// as a source (interface_sources; for a sos command output, its word on
// which devices exist). An "ip -d address" output always starts with the
// loopback device: one without it is an error message, empty, or cut
// short; an "ovs-vsctl show" output that lists no bridge is a failed
// connection to the database (or an Open vSwitch without bridges, which
// says nothing of the mappings either).
func describesDevices(f *Loaded) bool {
	if f.Kind == snapshot.KindSosIPAddress {
		return slices.ContainsFunc(f.Links, func(l netif.Link) bool { return l.Name == "lo" })
	}
	return len(f.Links) > 0
}

// ifaceFiles are the node's files with interface facts, by rank then path.
func (b *nodeBuilder) ifaceFiles() []*Loaded {
	var out []*Loaded
	for _, f := range b.files {
		if _, ok := ifaceRank[f.Kind]; ok {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if ifaceRank[out[i].Kind] != ifaceRank[out[j].Kind] {
			return ifaceRank[out[i].Kind] < ifaceRank[out[j].Kind]
		}
		return out[i].Path < out[j].Path
	})
	return out
}

func (m *ifaceFacts) merge(l netif.Link, rank int) {
	m.set(0, rank, l.Kind == "", func() { m.link.Kind = l.Kind })
	m.set(1, rank, l.MTU == 0, func() { m.link.MTU = l.MTU })
	m.set(2, rank, l.Parent == "", func() { m.link.Parent = l.Parent })
	m.set(3, rank, l.Bridge == "", func() { m.link.Bridge = l.Bridge })
	m.set(4, rank, l.Bond == "", func() { m.link.Bond = l.Bond })
	for _, x := range l.Members {
		if !slices.Contains(m.link.Members, x) {
			m.link.Members = append(m.link.Members, x)
		}
	}
	for _, a := range l.Addresses {
		if !slices.Contains(m.link.Addresses, a) {
			m.link.Addresses = append(m.link.Addresses, a)
		}
	}
}

// relate completes what one side of a relation says: a bridge's or bond's
// members get their bridge or bond, a port's bridge or a slave's bond
// lists it among its members, and a NetworkManager device whose
// controller is an OVS port belongs to that port's bridge.
func relate(all map[string]*ifaceFacts) {
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		l := &all[n].link
		if p := all[l.Bridge]; p != nil && p.link.Kind == netif.KindOVSPort && p.link.Bridge != "" {
			l.Bridge = p.link.Bridge
		}
	}
	for _, n := range names {
		ownMembers(all, n)
		joinOwners(all, n)
	}
}

// ownMembers gives the members of bridge or bond n their bridge or bond.
func ownMembers(all map[string]*ifaceFacts, n string) {
	l := &all[n].link
	for _, x := range l.Members {
		m := all[x]
		if m == nil || x == n {
			continue
		}
		switch {
		case l.Kind == netif.KindBond && m.link.Bond == "":
			m.link.Bond = n
		case (l.Kind == netif.KindBridge || l.Kind == netif.KindOVSBridge) && m.link.Bridge == "":
			m.link.Bridge = n
		}
	}
}

// joinOwners lists n among the members of its bridge and its bond.
func joinOwners(all map[string]*ifaceFacts, n string) {
	l := &all[n].link
	for _, owner := range []string{l.Bridge, l.Bond} {
		if o := all[owner]; o != nil && owner != n && !slices.Contains(o.link.Members, n) {
			o.link.Members = append(o.link.Members, n)
		}
	}
}

// interfacesDoc is nodes.<n>.interfaces: per interface name {kind, mtu,
// members (sorted), parent, bridge, bond, addresses (sorted), sources:
// [{path, line, kind}], path_mtu? ({mtu, via, source}: a smaller MTU on
// the way out, pathMTU)}, and nodes.<n>.interface_sources: the kinds of the
// files that gave them (sorted).
func (b *nodeBuilder) interfacesDoc() (map[string]any, []any) {
	all, kinds := b.interfaces()
	out := make(map[string]any, len(all))
	for n, m := range all {
		l := m.link
		members := slices.Clone(l.Members)
		slices.Sort(members)
		addrs := slices.Clone(l.Addresses)
		slices.Sort(addrs)
		d := map[string]any{
			"kind": l.Kind, "mtu": l.MTU, "members": toAny(orNone(members)), "parent": l.Parent,
			"bridge": l.Bridge, "bond": l.Bond, "addresses": toAny(orNone(addrs)), "sources": m.srcs,
		}
		if mtu, via := pathMTU(all, n, 0); via != "" && via != n && len(all[via].srcs) > 0 {
			d["path_mtu"] = map[string]any{"mtu": mtu, "via": via, "source": all[via].srcs[len(all[via].srcs)-1]}
		}
		out[n] = d
	}
	return out, toAny(orNone(kinds))
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// cpuDoc is nodes.<n>.cpu: {virt: vmx|svm|none, path, line} from the
// node's proc/cpuinfo, or nil when it has none or cannot tell (no x86
// flags line).
func (b *nodeBuilder) cpuDoc() any {
	for _, f := range b.files {
		if f.Kind == snapshot.KindCpuinfo && f.CPU.Virt != "" {
			return map[string]any{"virt": f.CPU.Virt, "path": f.Path, "line": f.CPU.Line}
		}
	}
	return nil
}

// runningAddrs are the global addresses ip -d address shows on the node,
// with where: they join the node's interface addresses.
func runningAddrs(f *Loaded) []netif.Addr {
	var out []netif.Addr
	for _, l := range f.Links {
		for _, a := range l.Addresses {
			out = append(out, netif.Addr{IP: a, Line: l.Line})
		}
	}
	return out
}
