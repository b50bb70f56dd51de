package lint

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// restorePaths gives back their bytes to the paths of findings that name a
// file whose name is not UTF-8: the rule evaluation's JSON turns every
// invalid byte into U+FFFD, and a report must name the file that exists
// (the text report then escapes the byte as \xff, SARIF percent-encodes
// it).
func restorePaths(findings []finding.Finding, s *snapshot.Snapshot) {
	mangled := map[string]string{}
	add := func(p string) {
		if !utf8.ValidString(p) {
			mangled[asJSON(p)] = p
		}
	}
	for _, n := range s.Nodes {
		add(n.Name)
		for _, f := range n.Files {
			add(f.Path)
		}
	}
	for _, f := range s.Loose {
		add(f.Path)
	}
	for _, p := range s.Problems {
		add(p.Path)
	}
	if len(mangled) == 0 {
		return
	}
	for i := range findings {
		for j := range findings[i].Locations {
			l := &findings[i].Locations[j]
			if orig, ok := mangled[l.Path]; ok {
				l.Path = orig
			}
			if orig, ok := mangled[l.Node]; ok {
				l.Node = orig
			}
		}
	}
}

// asJSON is s after a JSON round trip (invalid bytes become U+FFFD).
func asJSON(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}
