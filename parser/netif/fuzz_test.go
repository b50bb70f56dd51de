package netif

import (
	"bytes"
	"net/netip"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// FuzzParse: every address returned is a valid, canonical, non-loopback
// address on a line of the file; in the line formats it is written on
// that line (possibly in another spelling), and no line that sets one is
// missed; parsing is deterministic. format selects the dialect (mod 4).
func FuzzParse(f *testing.F) {
	f.Add(uint8(Interfaces), []byte("iface eth0 inet static\n  address 10.0.0.11/24\n"))
	f.Fuzz(func(t *testing.T, format uint8, data []byte) {
		ft := Format(format % 4)
		got := Parse(ft, data)
		if again := Parse(ft, data); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic: %v then %v", got, again)
		}
		lines := bytes.Split(data, []byte("\n"))
		count := len(lines)
		if ft == Netplan { // yaml.v3 reads UTF-16, and counts "\r", NEL, LS and PS as line breaks
			count = len(yamlBreak.Split(fuzzcheck.YAMLText(data), -1))
		}
		for _, a := range got {
			ip, err := netip.ParseAddr(a.IP)
			if err != nil || ip.String() != a.IP || ip.IsLoopback() {
				t.Fatalf("line %d: %q is not a canonical node address (%v)", a.Line, a.IP, err)
			}
			if a.Line < 1 || a.Line > count {
				t.Fatalf("%s at line %d of %d", a.IP, a.Line, count)
			}
			if ft != Netplan && !written(string(lines[a.Line-1]), ip) {
				t.Fatalf("%s is not written on line %d: %q", a.IP, a.Line, lines[a.Line-1])
			}
		}
		if ft != Netplan {
			if want := lineReference(ft, lines); !reflect.DeepEqual(got, want) {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
	})
}

var yamlBreak = regexp.MustCompile("\r\n|[\r\n\u0085\u2028\u2029]")

// written reports whether some word of line, cut at the separators the
// formats use and with or without quotes around it, spells ip (a zone
// may hold a quote).
func written(line string, ip netip.Addr) bool {
	words := strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("=/,", r)
	})
	for _, w := range words {
		for _, c := range []string{w, strings.Trim(w, `"'`), strings.TrimLeft(w, `"'`), strings.TrimRight(w, `"'`)} {
			if a, err := netip.ParseAddr(c); err == nil && a == ip {
				return true
			}
		}
	}
	return false
}

// lineReference applies the line rule to every "\n"-terminated line, of
// any length.
func lineReference(f Format, lines [][]byte) []Addr {
	var out []Addr
	for i, l := range lines {
		if ip, ok := lineAddr(f, strings.TrimSpace(string(l))); ok {
			out = append(out, Addr{IP: ip, Line: i + 1})
		}
	}
	return out
}
