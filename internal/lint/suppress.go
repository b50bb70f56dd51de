package lint

import (
	"fmt"
	"slices"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
)

// UnusedIgnoreRule is the rule that reports ignores matching no finding.
const UnusedIgnoreRule = "SL-IGN-001"

// ignoreRef is an ignore (comment or configuration entry) being matched.
type ignoreRef struct {
	kind, rule, key, reason, path, pattern string
	line, target                           int // target: the line a comment applies to; 0 for a whole file
	used                                   bool
}

// RuleInfos describes the engine's rules for the configuration checks.
func RuleInfos(rules []finding.Rule) []config.RuleInfo {
	out := make([]config.RuleInfo, len(rules))
	for i, r := range rules {
		out[i] = config.RuleInfo{ID: r.ID, Category: r.Category, Severity: r.Severity, Params: r.Params}
	}
	return out
}

// collectIgnores gathers the ignore comments of the files and the ignores
// of the configuration; a comment without a reason or with an unknown rule
// id is an error naming the file and line.
func collectIgnores(files []*model.Loaded, cfg *config.Config, known map[string]bool) ([]*ignoreRef, error) {
	var out []*ignoreRef
	for _, f := range files {
		for _, ig := range f.Ignores {
			if ig.Err != "" {
				return nil, fmt.Errorf("%s:%d: %s", f.Path, ig.Line, ig.Err)
			}
			if !known[ig.Rule] {
				return nil, fmt.Errorf("%s:%d: stacklint:ignore names unknown rule %s", f.Path, ig.Line, ig.Rule)
			}
			out = append(out, &ignoreRef{kind: "inSource", rule: ig.Rule, reason: ig.Reason, path: f.Path, line: ig.Line, target: ig.Target})
		}
	}
	if cfg != nil {
		for _, ig := range cfg.Ignores {
			out = append(out, &ignoreRef{kind: "config", rule: ig.Rule, key: ig.Key, reason: ig.Reason, path: cfg.Path, pattern: ig.Path, line: ig.Line})
		}
	}
	return out, nil
}

// matches reports whether an ignore covers a finding (by its primary
// location).
func (ig *ignoreRef) matches(f finding.Finding) bool {
	if ig.rule != f.Rule || len(f.Locations) == 0 {
		return false
	}
	loc := f.Locations[0]
	if ig.kind == "inSource" {
		return loc.Path == ig.path && (ig.target == 0 || loc.Line == ig.target)
	}
	return config.Glob(ig.pattern, loc.Path) && (ig.key == "" || ig.key == loc.Key)
}

// applyConfig drops findings of rules turned off and in ignored paths,
// sets configured levels, and marks the findings an ignore covers as
// suppressed.
func applyConfig(findings []finding.Finding, rules []finding.Rule, cfg *config.Config, ignores []*ignoreRef) []finding.Finding {
	levels := map[string]string{}
	for _, r := range rules {
		info := config.RuleInfo{ID: r.ID, Category: r.Category, Severity: r.Severity}
		if l := cfg.Level(info); l != r.Severity {
			levels[r.ID] = l
		}
	}
	out := findings[:0]
	for _, f := range findings {
		if levels[f.Rule] == "off" || (len(f.Locations) > 0 && cfg.IgnoredPath(f.Locations[0].Path)) {
			continue
		}
		if l, ok := levels[f.Rule]; ok {
			f.Severity = l
		}
		if i := slices.IndexFunc(ignores, func(ig *ignoreRef) bool { return ig.matches(f) }); i >= 0 {
			ig := ignores[i]
			ig.used = true
			f.Suppressed = &finding.Suppression{Kind: ig.kind, Reason: ig.reason, Path: ig.path, Line: ig.line}
		}
		out = append(out, f)
	}
	return out
}

// unusedIgnores is the input of SL-IGN-001.
func unusedIgnores(ignores []*ignoreRef) []any {
	out := []any{}
	for _, ig := range ignores {
		if !ig.used {
			out = append(out, map[string]any{"kind": ig.kind, "rule": ig.rule, "reason": ig.reason, "path": ig.path, "line": ig.line})
		}
	}
	return out
}

// sanitizeReasons applies finding.Sanitize to the reasons of suppressed
// findings: they come from ignore comments and the configuration as
// written.
func sanitizeReasons(findings []finding.Finding) {
	for _, f := range findings {
		if f.Suppressed != nil {
			f.Suppressed.Reason = finding.Sanitize(f.Suppressed.Reason)
		}
	}
}
