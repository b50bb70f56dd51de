package schema

import (
	"fmt"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
)

// UnknownOption says why [kind, group, option] names no option that some
// embedded release registers (a rule's custom.defaults entry), with what
// it was likely meant to be: "file kind nova.cnf is unknown (nova.conf?)",
// "nova.conf has no group [DEFAULTT] in any release ([DEFAULT]?)", "no
// release registers [DEFAULT] reserved_host_memory_mbb in nova.conf
// (reserved_host_memory_mb?)". "" when some release registers it. Groups
// are matched as oslo.config does (Group).
func (ix *Index) UnknownOption(kind, group, option string) string {
	k := ix.Kinds[kind]
	if k == nil {
		return fmt.Sprintf("no release has an option schema of file kind %s%s", kind, hint(closest(kind, keysOf(ix.Kinds)), "%s"))
	}
	opts, ok := k.Groups[Group(group)]
	if !ok {
		return fmt.Sprintf("%s has no group [%s] in any release%s", kind, group, hint(closestFold(group, keysOf(k.Groups)), "[%s]"))
	}
	if opts[option][0] != 0 {
		return ""
	}
	msg := fmt.Sprintf("no release registers [%s] %s in %s", group, option, kind)
	if in := ix.GroupsWith(kind, option); len(in) > 0 {
		return msg + fmt.Sprintf(" (it is in [%s])", strings.Join(in, "], ["))
	}
	var names []string
	for name, ms := range opts {
		if ms[0] != 0 {
			names = append(names, name)
		}
	}
	return msg + hint(closest(option, names), "%s")
}

// hint is " (NAME?)" with name formatted by format, or "" for no name.
func hint(name, format string) string {
	if name == "" {
		return ""
	}
	return " (" + fmt.Sprintf(format, name) + "?)"
}

// closest is the name nearest to s by edit distance (at most 2, or a
// third of s's length), "" when none is.
func closest(s string, names []string) string {
	slices.Sort(names)
	best, bestD := "", maxDistance(s)+1
	for _, n := range names {
		if d := editdist.Distance(s, n, bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// closestFold is closest without regard to case.
func closestFold(s string, names []string) string {
	slices.Sort(names)
	best, bestD := "", maxDistance(s)+1
	for _, n := range names {
		if d := editdist.Distance(strings.ToLower(s), strings.ToLower(n), bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
