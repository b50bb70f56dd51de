package model

import (
	"net/netip"
	"strings"
	"unicode/utf8"

	"github.com/stacklint/stacklint/parser/hosts"
)

// hostTable is one distinct /etc/hosts file with what the nodes holding
// it ask of it, worked out once (tablesByDigest): the addresses of each name
// and the loopback entries. A fleet-wide file on a thousand nodes is
// looked up by name, not scanned entry by entry for every host each
// node's values name (hosts.Lookup: millions of name comparisons in a
// 1,000-node model).
type hostTable struct {
	entries []hosts.Entry
	// byName maps a lower-cased ASCII name to its addresses, in file
	// order, one per entry: hosts.Lookup's answer.
	byName map[string][]string
	// folded: some name is not ASCII, where Unicode case folding (the
	// Kelvin sign is a "k") makes lower-casing no key; such a table is
	// scanned as hosts.Lookup scans it.
	folded bool
	// loopback are the entries whose address is a loopback address.
	loopback []hosts.Entry
}

// newHostTable indexes the entries of one hosts file.
func newHostTable(entries []hosts.Entry) *hostTable {
	t := &hostTable{entries: entries, byName: map[string][]string{}}
	for _, e := range entries {
		if a, err := netip.ParseAddr(e.Addr); err == nil && a.IsLoopback() {
			t.loopback = append(t.loopback, e)
		}
		for i, n := range e.Names {
			if !ascii(n) {
				t.folded = true
			}
			n = strings.ToLower(n)
			if !namedBefore(e.Names[:i], n) {
				t.byName[n] = append(t.byName[n], e.Addr)
			}
		}
	}
	return t
}

// lookup is hosts.Lookup(t.entries, name): the addresses name resolves to,
// in file order, nil when none. The result is shared: callers copy it
// before changing it.
func (t *hostTable) lookup(name string) []string {
	if t.folded || !ascii(name) {
		return hosts.Lookup(t.entries, name)
	}
	return t.byName[strings.ToLower(name)]
}

// namedBefore reports whether an earlier name of the same entry is name
// (lower case) too: an entry gives its address once.
func namedBefore(earlier []string, name string) bool {
	for _, n := range earlier {
		if strings.ToLower(n) == name {
			return true
		}
	}
	return false
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tablesByDigest holds one hostTable per distinct hosts file, by digest,
// for the builders of one document (made one after another).
type tablesByDigest map[[32]byte]*hostTable

// of is the table of the hosts file of digest sum and entries.
func (m tablesByDigest) of(sum [32]byte, entries []hosts.Entry) *hostTable {
	t, ok := m[sum]
	if !ok {
		t = newHostTable(entries)
		m[sum] = t
	}
	return t
}
