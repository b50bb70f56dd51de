package lint

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// fleetFacts is what folding knows of the snapshot.
type fleetFacts struct {
	// roles is each node's roles joined with "+" ("" when it has none).
	roles map[string]string
	// written lists the values written at a location (every occurrence of
	// an option, an rc variable, a directive's arguments); nil knows none.
	written func(finding.Location) []string
}

// foldFleet folds the findings a rule raises for one setting on several
// nodes of one role into one (issue 17: one finding per root cause): the
// first node's finding (by node name) keeps its message and locations,
// and names the others ("the same on 4 more compute nodes: compute2,
// ..."); their locations follow as related ones, each once. Findings fold
// when their rule, severity, primary location's path below the node,
// section and key and the node's roles are the same, and their messages
// differ only where each names its own node (see partition). Suppressed
// findings (ignored, each on its own) are never folded.
//
// Every finding on a node gets its Fleet fingerprint (fleetPrint), and a
// folded one has it as its Fingerprint, so that it does not change when
// nodes with the same fault come or go. from lists, for each folded
// finding of the result, the baseline keys of the findings it folds (nil
// for the others): a baseline written before they folded still matches.
func foldFleet(findings []finding.Finding, facts fleetFacts) (out []finding.Finding, from [][]baselineKey) {
	groups := map[string][]int{}
	var keys []string
	for i, f := range findings {
		k, ok := coarseKey(f, facts.roles)
		if !ok {
			k = "\x00" + strconv.Itoa(i) // alone
		}
		if _, seen := groups[k]; !seen {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	out = make([]finding.Finding, 0, len(keys))
	from = make([][]baselineKey, 0, len(keys))
	for _, k := range keys {
		if strings.HasPrefix(k, "\x00") {
			out, from = append(out, findings[groups[k][0]]), append(from, nil)
			continue
		}
		for _, g := range partition(findings, groups[k], facts) {
			fs := make([]finding.Finding, len(g.members))
			for j, i := range g.members {
				fs[j] = findings[i]
			}
			fleet := fleetPrint(fs[0], facts.roles, g.template)
			if len(fs) == 1 {
				fs[0].Fleet = fleet
				out, from = append(out, fs[0]), append(from, nil)
				continue
			}
			f, keys := fold(fs, fleet, facts.roles)
			out, from = append(out, f), append(from, keys)
		}
	}
	return out, from
}

// coarseKey is what findings of one root cause share besides their
// message; ok is false for a finding that folds with none (suppressed, or
// not in a node's folder).
func coarseKey(f finding.Finding, roles map[string]string) (string, bool) {
	if f.Suppressed != nil || len(f.Locations) == 0 || f.Locations[0].Node == "" {
		return "", false
	}
	loc := f.Locations[0]
	below := strings.TrimPrefix(loc.Path, loc.Node+"/")
	if below == loc.Path {
		return "", false // not under the node's folder: no shared setting
	}
	return strings.Join([]string{f.Rule, f.Severity, below, loc.Section, loc.Key, roles[loc.Node]}, "\x00"), true
}

// fleetPrint is the fingerprint of a fault on the nodes of one role
// (finding.Fingerprint of the rule, the roles and the path below the node,
// section, key and the message template: node names at slot places set
// aside, line references and secret fingerprints left out): the same
// whichever nodes hold the fault and whichever of them leads.
func fleetPrint(f finding.Finding, roles map[string]string, template string) string {
	loc := f.Locations[0]
	below := strings.TrimPrefix(loc.Path, loc.Node+"/")
	return finding.Fingerprint(finding.Finding{Rule: f.Rule, Message: template,
		Locations: []finding.Location{{Path: roles[loc.Node] + "\x00" + below, Section: loc.Section, Key: loc.Key}}})
}

// fold makes one finding of several, on distinct nodes: the first by node
// name leads; keys are the baseline keys of the findings folded.
func fold(fs []finding.Finding, fleet string, roles map[string]string) (finding.Finding, []baselineKey) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Locations[0].Node < fs[j].Locations[0].Node })
	keys := make([]baselineKey, len(fs))
	for i, f := range fs {
		keys[i] = keyOf(f)
	}
	lead := fs[0]
	locs := slices.Clone(lead.Locations)
	seen := map[finding.Location]bool{}
	for _, l := range locs {
		seen[l] = true
	}
	var others []string
	for _, f := range fs[1:] {
		others = append(others, finding.Sanitize(f.Locations[0].Node))
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
	lead.Message = finding.Sanitize(fmt.Sprintf("%s (the same on %d more %s: %s)", lead.Message, len(others), kind, listed(others, 5)))
	lead.Locations = locs
	lead.Fingerprint, lead.Fleet = fleet, fleet
	return lead, keys
}

// listed names up to n items, then a count.
func listed(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
