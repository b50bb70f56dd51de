package lint

import (
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// rootRules are the rules whose finding says that a value is not the one
// its writer meant: an inline comment oslo.config keeps in the value
// (SL-HYG-006), an install-guide placeholder left in it (SL-HYG-001). What
// other rules conclude from such a value (a password that differs from its
// owner's, a broker URL with a comment for its vhost, an address that is
// not one) follows from it: fixing the value fixes them. Earlier in the
// list leads when both flag one line.
var rootRules = []string{"SL-HYG-006", "SL-HYG-001"}

// foldConsequences folds each finding whose primary location is a value a
// root finding flags into that root finding (issue 17: one finding per
// root cause): its message follows the root's ("; hence SL-PASS-004:
// ..."), its other locations become related locations, and the root takes
// the higher severity. Findings of the hygiene, parsing and snapshot
// groups state facts of the text itself and never fold; nor do findings
// that group many places (SL-PASS-011) or that a suppression accepted.
func foldConsequences(findings []finding.Finding) []finding.Finding {
	roots := rootsByValue(findings)
	if len(roots) == 0 {
		return findings
	}
	folded := map[int][]finding.Finding{}
	dropped := map[int]bool{}
	for i, f := range findings {
		if r, ok := roots[valueAt(f)]; ok && consequence(f) {
			folded[r] = append(folded[r], f)
			dropped[i] = true
		}
	}
	out := make([]finding.Finding, 0, len(findings)-len(dropped))
	for i, f := range findings {
		if dropped[i] {
			continue
		}
		if cs := folded[i]; len(cs) > 0 {
			f = withConsequences(f, cs)
		}
		out = append(out, f)
	}
	return out
}

// rootsByValue maps every value a root finding flags (each of its
// locations) to the index of the finding that leads for it.
func rootsByValue(findings []finding.Finding) map[valueRef]int {
	roots := map[valueRef]int{}
	for i, f := range findings {
		rank := slices.Index(rootRules, f.Rule)
		if rank < 0 || f.Suppressed != nil {
			continue
		}
		for _, l := range f.Locations {
			k := valueRef{l.Path, l.Line, l.Key}
			if j, ok := roots[k]; !ok || rank < slices.Index(rootRules, findings[j].Rule) {
				roots[k] = i
			}
		}
	}
	return roots
}

// valueRef names one written value: its file, line and key.
type valueRef struct {
	path string
	line int
	key  string
}

func valueAt(f finding.Finding) valueRef {
	if len(f.Locations) == 0 || f.Locations[0].Line == 0 {
		return valueRef{}
	}
	l := f.Locations[0]
	return valueRef{l.Path, l.Line, l.Key}
}

// consequence: f may follow from a flagged value.
func consequence(f finding.Finding) bool {
	if f.Suppressed != nil || valueAt(f) == (valueRef{}) || f.Rule == "SL-PASS-011" {
		return false
	}
	for _, p := range []string{"SL-HYG-", "SL-PARSE-", "SL-SNAP-", "SL-IGN-"} {
		if strings.HasPrefix(f.Rule, p) {
			return false
		}
	}
	return true
}

// withConsequences appends the consequences to the root finding.
func withConsequences(root finding.Finding, cs []finding.Finding) finding.Finding {
	locs := slices.Clone(root.Locations)
	seen := map[finding.Location]bool{}
	for _, l := range locs {
		seen[l] = true
	}
	var b strings.Builder
	b.WriteString(root.Message)
	for _, c := range cs {
		b.WriteString("; hence " + c.Rule + ": " + c.Message)
		if severityRank(c.Severity) > severityRank(root.Severity) {
			root.Severity = c.Severity
		}
		for _, l := range c.Locations {
			if !seen[l] {
				seen[l] = true
				locs = append(locs, l)
			}
		}
	}
	root.Message = finding.Sanitize(b.String())
	root.Locations = locs
	return root
}

func severityRank(s string) int {
	return slices.Index([]string{"info", "warning", "error"}, s)
}
