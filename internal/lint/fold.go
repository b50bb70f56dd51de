package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/engine"
)

// foldFleet folds the findings a rule raises for one setting on several
// nodes of one role into one (issue 17: one finding per root cause): the
// first node's finding (by node name) keeps its message, fingerprint and
// locations, and names the others ("the same on 4 more compute nodes:
// compute2, ..."); their locations follow as related ones, each once.
// Findings fold when their rule, severity, primary location's path below
// the node, section and key, the node's roles and the message with the
// node's name set aside are the same. Suppressed findings (ignored or in
// the baseline, each on its own) are never folded. roles maps a node to
// its roles joined with "+" ("" when it has none).
func foldFleet(findings []engine.Finding, roles map[string]string) []engine.Finding {
	groups := map[string][]int{}
	var keys []string
	for i, f := range findings {
		k, ok := foldKey(f, roles)
		if !ok {
			k = fmt.Sprintf("\x00%d", i) // alone
		}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := make([]engine.Finding, 0, len(keys))
	for _, k := range keys {
		members := groups[k]
		if len(members) == 1 {
			out = append(out, findings[members[0]])
			continue
		}
		fs := make([]engine.Finding, len(members))
		for j, i := range members {
			fs[j] = findings[i]
		}
		out = append(out, fold(fs, roles))
	}
	return out
}

// foldKey is what findings of one root cause share; ok is false for a
// finding that folds with none (suppressed, or without a node).
func foldKey(f engine.Finding, roles map[string]string) (string, bool) {
	if f.Suppressed != nil || len(f.Locations) == 0 || f.Locations[0].Node == "" {
		return "", false
	}
	loc := f.Locations[0]
	below := strings.TrimPrefix(loc.Path, loc.Node+"/")
	if below == loc.Path {
		return "", false // not under the node's folder: no shared setting
	}
	return strings.Join([]string{f.Rule, f.Severity, below, loc.Section, loc.Key, roles[loc.Node], withoutWord(f.Message, loc.Node)}, "\x00"), true
}

// fold makes one finding of several: the first by node name leads.
func fold(fs []engine.Finding, roles map[string]string) engine.Finding {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Locations[0].Node < fs[j].Locations[0].Node })
	lead := fs[0]
	locs := slices.Clone(lead.Locations)
	seen := map[engine.Location]bool{}
	for _, l := range locs {
		seen[l] = true
	}
	var others []string
	for _, f := range fs[1:] {
		others = append(others, Sanitize(f.Locations[0].Node))
		for _, l := range f.Locations {
			if !seen[l] {
				seen[l] = true
				locs = append(locs, l)
			}
		}
	}
	kind := "nodes"
	if r := roles[lead.Locations[0].Node]; r != "" {
		kind = strings.ReplaceAll(r, "+", " and ") + " nodes"
		if len(others) == 1 {
			kind = strings.TrimSuffix(kind, "s")
		}
	} else if len(others) == 1 {
		kind = "node"
	}
	// node names are folder names and roles come from .stacklint.yaml:
	// each name shortened and escaped, then the message capped
	lead.Message = Sanitize(fmt.Sprintf("%s (the same on %d more %s: %s)", lead.Message, len(others), kind, listed(others, 5)))
	lead.Locations = locs
	return lead
}

// listed names up to n items, then a count.
func listed(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// withoutWord sets aside every whole-word occurrence of word in s (a node
// name: "on compute1", "compute1/etc/..."; not "compute10"). Any bytes,
// valid UTF-8 or not.
func withoutWord(s, word string) string {
	if word == "" {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, word)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(word)
		whole := (i == 0 || !wordByte(s[i-1]) && s[i-1] != '.') && (end == len(s) || !wordByte(s[end]))
		b.WriteString(s[:i])
		if whole {
			b.WriteByte(0)
		} else {
			b.WriteString(word)
		}
		s = s[end:]
	}
}

// wordByte: a byte that continues a node name.
func wordByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// nodeRoles is each node's roles joined with "+", from the model document
// (nodes.<n>.roles).
func nodeRoles(doc map[string]any) map[string]string {
	out := map[string]string{}
	nodes, _ := doc["nodes"].(map[string]any)
	for name, n := range nodes {
		node, _ := n.(map[string]any)
		rs, _ := node["roles"].([]any)
		var names []string
		for _, r := range rs {
			if s, ok := r.(string); ok {
				names = append(names, s)
			}
		}
		sort.Strings(names)
		out[name] = strings.Join(names, "+")
	}
	return out
}
