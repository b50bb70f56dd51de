package hosts

import (
	"bytes"
	"net/netip"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse: every entry comes from a line of the input whose first field
// is an address and which has at least one name; the address parses with
// net/netip and is in canonical form; the names are the line's other
// fields before any '#'; no such line is missed; parsing is deterministic.
func FuzzParse(f *testing.F) {
	f.Add([]byte("127.0.0.1 localhost\n::1 ip6-localhost ip6-loopback\n10.0.0.11 controller\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Parse(data)
		if again := Parse(data); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic: %v then %v", got, again)
		}
		if want := reference(data); !reflect.DeepEqual(got, want) {
			t.Fatalf("entries %v, want %v", got, want)
		}
		for _, e := range got {
			a, err := netip.ParseAddr(e.Addr)
			if err != nil || a.String() != e.Addr {
				t.Fatalf("line %d: address %q is not a canonical address (%v)", e.Line, e.Addr, err)
			}
			for _, n := range e.Names {
				if n == "" || strings.ContainsAny(n, "# \t\n") {
					t.Fatalf("line %d: bad name %q", e.Line, n)
				}
			}
		}
	})
}

// reference is the resolver's reading of a hosts file written as plainly
// as possible: one entry per "\n"-terminated line (of any length), the
// text before '#', split at white space, an address then names.
func reference(data []byte) []Entry {
	var out []Entry
	for i, line := range bytes.Split(data, []byte("\n")) {
		text, _, _ := strings.Cut(string(line), "#")
		fields := strings.Fields(text)
		if len(fields) < 2 {
			continue
		}
		a, err := netip.ParseAddr(fields[0])
		if err != nil {
			continue
		}
		out = append(out, Entry{Addr: a.String(), Names: fields[1:], Line: i + 1})
	}
	return out
}
