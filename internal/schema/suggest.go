package schema

import (
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
)

// Suggest proposes what an unknown key was meant to be: the same option in
// the one other group of the kind that has it ("belongs in [x]"), else the closest option of
// its group by edit distance (at most 2, or a third of the key's length
// for long keys). Both are "" when nothing is close.
func (s *Schema) Suggest(kind, section, key string) (group, option string) {
	if gs := s.GroupsWith(kind, key); len(gs) == 1 {
		return gs[0], "" // (a name several groups share, like driver, says nothing)
	}
	if u := strings.ReplaceAll(key, "-", "_"); u != key && s.Options(kind, Group(section))[u] != nil {
		return "", u // a dashed name: oslo.config reads only the dest
	}
	best, bestD := "", maxDistance(key)+1
	names := make([]string, 0, len(s.Options(kind, Group(section))))
	for dest := range s.Options(kind, Group(section)) {
		names = append(names, dest)
	}
	sort.Strings(names)
	for _, dest := range names {
		if d := editdist.Distance(key, dest, bestD); d < bestD {
			best, bestD = dest, d
		}
	}
	return "", best
}

func maxDistance(key string) int {
	if n := len(key) / 3; n > 2 {
		return n
	}
	return 2
}
