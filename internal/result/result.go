// Package result is what one lint run hands to the reporters: the
// findings (internal/finding), the rules that ran, the model the excerpts
// are written from, and the releases checked against. lint.Run fills it;
// internal/report reads it and never imports lint or the engine.
package result

import (
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
)

// Result is what one run produced.
type Result struct {
	Root       string         // the snapshot path as given
	Rules      []finding.Rule // every rule that ran
	Findings   []finding.Finding
	Nodes      int
	Files      int
	Ignored    []string
	Deployment *model.Deployment
	// RuleErrors are the rules that failed at evaluation (messages redacted
	// and sanitised); their findings are missing.
	RuleErrors []error
	NoInput    []finding.Rule   // rules none of whose input files the snapshot holds
	Release    release.Choice   // the release checked against: the one most services fit
	Releases   []ServiceRelease // the release of each service, with its nodes and evidence
	Config     string           // the configuration file used ("" for none)
	// Roles maps every node of the snapshot to its roles, sorted and joined
	// with "+" ("controller+network"; "" when none was inferred or set): the
	// model document's nodes.<n>.roles.
	Roles map[string]string
	// Unfolded are the findings before one fault on many nodes was folded
	// into one (lint's fold.go): one per node at fault, with the
	// fingerprints of Findings for the folded findings' leads. The HTML
	// overview counts a folded finding on every node it stands for.
	Unfolded []finding.Finding
	// Notes say what the run could not decide or decided for the user:
	// which checks masked values (sos reports) left undecided, nodes
	// renamed apart (two sos reports of one host). Sorted.
	Notes []string
}

// Counts returns the number of findings per severity, suppressed ones
// apart (under "suppressed").
func (r *Result) Counts() map[string]int {
	c := map[string]int{"error": 0, "warning": 0, "info": 0, "suppressed": 0}
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			c["suppressed"]++
			continue
		}
		c[f.Severity]++
	}
	return c
}

// Fails reports whether any finding is at or above the fail level ("none"
// never fails).
func (r *Result) Fails(level string) bool {
	min := finding.SeverityRank(level)
	if min == 0 {
		return false
	}
	for _, f := range r.Findings {
		if f.Suppressed == nil && finding.SeverityRank(f.Severity) >= min {
			return true
		}
	}
	return false
}
