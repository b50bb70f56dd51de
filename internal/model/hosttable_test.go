package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/parser/hosts"
)

// TestHostTableLookup: a looked-up name gets what hosts.Lookup (the
// resolver's reading) gives, in file order, one address per entry, case
// folded as the resolver folds it (the Kelvin sign is a "k"), and the
// loopback entries are those on a loopback address.
func TestHostTableLookup(t *testing.T) {
	tables := map[string]string{
		"ascii":  "127.0.0.1 localhost\n127.0.1.1 ctl ctl.example.org\n10.0.0.11 controller CTL Controller\n10.0.0.12 controller\n::1 ip6-localhost\n",
		"folded": "10.0.0.11 controller\n10.0.0.13 \u212aeystone\n10.0.0.14 keystone\n",
		"empty":  "",
	}
	names := []string{"controller", "CONTROLLER", "ctl", "CTL.example.ORG", "keystone", "\u212aeystone", "KEYSTONE", "localhost", "ip6-localhost", "nowhere", ""}
	for what, text := range tables {
		entries := hosts.Parse([]byte(text))
		table := newHostTable(entries)
		for _, n := range names {
			if got, want := table.lookup(n), hosts.Lookup(entries, n); !slices.Equal(got, want) {
				t.Errorf("%s: lookup(%q) = %v, hosts.Lookup = %v", what, n, got, want)
			}
		}
		var loopback []string
		for _, e := range table.loopback {
			loopback = append(loopback, e.Addr)
		}
		if want := map[string]string{"ascii": "127.0.0.1 127.0.1.1 ::1"}[what]; strings.Join(loopback, " ") != want {
			t.Errorf("%s: loopback entries %v, want %s", what, loopback, want)
		}
	}
}
