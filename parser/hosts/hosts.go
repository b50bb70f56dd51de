// Package hosts parses /etc/hosts files.
package hosts

import (
	"bufio"
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
// is not an IP address are skipped, as the resolver skips them.
func Parse(data []byte) []Entry {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
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
