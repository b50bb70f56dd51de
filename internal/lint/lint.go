// Package lint runs stacklint over a snapshot: discover, build the model,
// evaluate the rules once, redact and sort the findings.
package lint

import (
	"context"
	"errors"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// Result is what one run produced.
type Result struct {
	Findings   []engine.Finding
	Nodes      int
	Files      int
	Ignored    []string
	Deployment *model.Deployment
	RuleErrors engine.RuleErrors // rules that failed; their findings are missing
}

// Run lints the snapshot at path with the compiled rules.
func Run(ctx context.Context, eng *engine.Engine, path string) (*Result, error) {
	snap, err := snapshot.Discover(path)
	if err != nil {
		return nil, err
	}
	d := model.Build(snap)
	findings, err := eng.Eval(ctx, d.Doc)
	var ruleErrs engine.RuleErrors
	if err != nil && !errors.As(err, &ruleErrs) {
		return nil, err
	}
	for i := range findings {
		findings[i].Message = d.Keys.Redact(findings[i].Message)
	}
	for i, e := range ruleErrs {
		ruleErrs[i] = errors.New(d.Keys.Redact(e.Error()))
	}
	engine.Sort(findings)
	return &Result{
		Findings: findings, Nodes: len(snap.Nodes), Files: len(d.Files), Ignored: snap.Ignored, Deployment: d,
		RuleErrors: ruleErrs,
	}, nil
}

// Counts returns the number of findings per severity.
func (r *Result) Counts() map[string]int {
	c := map[string]int{"error": 0, "warning": 0, "info": 0}
	for _, f := range r.Findings {
		c[f.Severity]++
	}
	return c
}

// Fails reports whether any finding is at or above the fail level ("none"
// never fails).
func (r *Result) Fails(level string) bool {
	min := engine.SeverityRank(level)
	if min == 0 {
		return false
	}
	for _, f := range r.Findings {
		if engine.SeverityRank(f.Severity) >= min {
			return true
		}
	}
	return false
}
