package schema

import (
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
)

// Suggest proposes what an unknown key was meant to be: the same option in
// the one other group of the kind that has it ("belongs in [x]"), else the closest option of
// its group by edit distance (at most 2, or a third of the key's length
// for long keys). Both are "" when nothing is close.
func (s *Schema) Suggest(kind, section, key string) (group, option string) {
	names := make([]string, 0, len(s.Options(kind, Group(section))))
	for dest := range s.Options(kind, Group(section)) {
		names = append(names, dest)
	}
	return suggest(s.GroupsWith(kind, key), names, key)
}

// suggest is Suggest given the groups of the kind that have the key and
// the option names of the key's own group (in any order).
func suggest(groups, names []string, key string) (group, option string) {
	if len(groups) == 1 {
		return groups[0], "" // (a name several groups share, like driver, says nothing)
	}
	if u := strings.ReplaceAll(key, "-", "_"); u != key && slices.Contains(names, u) {
		return "", u // a dashed name: oslo.config reads only the dest
	}
	slices.Sort(names)
	best, bestD := "", maxDistance(key)+1
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
