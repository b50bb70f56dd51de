package lint

import (
	"fmt"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/finding"
)

// setAsideOff splits findings into those the configuration keeps and
// those it drops (a rule turned off by levels, disable or its category,
// or a path in ignore_paths): Options.KeepOff returns the latter
// suppressed (Kind "config", the reason and the configuration's path)
// instead of dropping them.
func setAsideOff(findings []finding.Finding, rules []finding.Rule, cfg *config.Config) (kept, off []finding.Finding) {
	offRules := offLevels(rules, cfg)
	for _, f := range findings {
		if why := offReason(offRules, cfg, f); why != "" {
			f.Suppressed = &finding.Suppression{Kind: "config", Reason: why, Path: cfg.Path}
			off = append(off, f)
			continue
		}
		kept = append(kept, f)
	}
	return kept, off
}

// offLevels are the rules the configuration turns off.
func offLevels(rules []finding.Rule, cfg *config.Config) map[string]bool {
	out := map[string]bool{}
	for _, r := range rules {
		if cfg.Level(config.RuleInfo{ID: r.ID, Category: r.Category, Severity: r.Severity}) == "off" {
			out[r.ID] = true
		}
	}
	return out
}

// offReason is why the configuration drops f ("" when it does not).
func offReason(off map[string]bool, cfg *config.Config, f finding.Finding) string {
	switch {
	case off[f.Rule]:
		return fmt.Sprintf("rule %s turned off (disable, rules: off or its category)", f.Rule)
	case len(f.Locations) > 0 && cfg.IgnoredPath(f.Locations[0].Path):
		return "path in ignore_paths"
	}
	return ""
}

// ConfigSuppression is how cfg alone (no ignore comment, no baseline)
// would suppress f, a finding of one of rules: a rule turned off, a path
// in ignore_paths, or an entry of ignores (its reason and line); nil when
// it would not. diff asks it of the OLD side's configuration.
func ConfigSuppression(cfg *config.Config, rules []finding.Rule, f finding.Finding) *finding.Suppression {
	if cfg == nil {
		return nil
	}
	if why := offReason(offLevels(rules, cfg), cfg, f); why != "" {
		return &finding.Suppression{Kind: "config", Reason: why, Path: cfg.Path}
	}
	ignores, _ := collectIgnores(nil, cfg, nil)
	for _, ig := range ignores {
		if ig.matches(f) {
			return &finding.Suppression{Kind: ig.kind, Reason: ig.reason, Path: ig.path, Line: ig.line}
		}
	}
	return nil
}
