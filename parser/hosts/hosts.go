// Package hosts parses /etc/hosts files.
package hosts

import (
	"bytes"
	"net/netip"
	"strings"
)

// Entry is one address line of a hosts file.
type Entry struct {
	Addr  string   // the address as written
	Names []string // canonical name first, then aliases
	Line  int
}

// Parse reads a hosts file. Comments start at '#'; lines whose first field
// is not an IP address are skipped, as the resolver skips them. Lines may
// be of any length.
func Parse(data []byte) []Entry {
	var out []Entry
	line := 0
	for raw := range bytes.Lines(data) {
		line++
		text := string(raw)
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		fields := strings.Fields(text)
		if len(fields) < 2 {
			continue
		}
		addr, err := netip.ParseAddr(fields[0])
		if err != nil {
			continue
		}
		out = append(out, Entry{Addr: addr.String(), Names: fields[1:], Line: line})
	}
	return out
}

// Lookup returns the addresses a name resolves to through entries, in
// file order, matching names case-insensitively as the resolver does.
func Lookup(entries []Entry, name string) []string {
	var out []string
	for _, e := range entries {
		for _, n := range e.Names {
			if strings.EqualFold(n, name) {
				out = append(out, e.Addr)
				break
			}
		}
	}
	return out
}
