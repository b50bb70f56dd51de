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

// SuggestGroup proposes the group an unknown section was meant to be: the
// kind's group closest to it without regard to case, by edit distance (at
// most 2, or a third of the name's length): [DEFAUT] is [DEFAULT] and
// [keystone_authtoke] is [keystone_authtoken]. "" when nothing is close.
func (s *Schema) SuggestGroup(kind, section string) string {
	k := s.Kinds[kind]
	if k == nil {
		return ""
	}
	groups := make([]string, 0, len(k.Groups))
	for g := range k.Groups {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	want := strings.ToLower(section)
	best, bestD := "", maxDistance(want)+1
	for _, g := range groups {
		if d := editdist.Distance(want, strings.ToLower(g), bestD); d < bestD && g != section {
			best, bestD = g, d
		}
	}
	return best
}
