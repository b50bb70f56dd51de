package model

import (
	"strings"
	"unicode"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// vocabulary lists the words stacklint prints as structure in messages:
// node names, file kinds, paths, section and option names, each also split
// into its alphanumeric parts ("rabbit_password" → rabbit, password), each
// word once (a fleet repeats the same sections and options on every node).
func vocabulary(s *snapshot.Snapshot, files []*Loaded) []string {
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if seen[w] {
			return
		}
		seen[w] = true
		out = append(out, w)
		out = append(out, strings.FieldsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
	}
	for _, n := range s.Nodes {
		add(n.Name)
	}
	for _, f := range files {
		add(f.Kind)
		add(f.Path)
		if f.INI == nil {
			continue
		}
		for _, sec := range f.INI.Sections {
			add(sec.Name)
			for _, k := range sec.Keys {
				add(k.Name)
			}
		}
	}
	return out
}
