package diff

import (
	"fmt"

	"github.com/stacklint/stacklint/internal/finding"
)

// ConfigNote says how the configuration files of the two sides compare:
// both sides are linted with NEW's (or --config), so a suppression the
// change adds there would otherwise go unseen. Old and New are the
// files' paths as shown ("" none); Differs: their contents differ;
// Note explains a comparison that could not be made.
type ConfigNote struct {
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	Differs bool   `json:"differs"`
	Note    string `json:"note,omitempty"`
}

// suppressedByChange are the findings NEW suppresses (an ignore comment,
// an ignores entry, a rule turned off, ignore_paths) that OLD does not:
// OLD holds the same finding (matched as compareFindings matches them)
// in force, or does not hold it and its own configuration
// (Input.OwnConfig; nil: the same as NEW's) would not suppress it. Each
// keeps its Suppressed: the kind, reason and location of the
// suppression.
func suppressedByChange(old, new *Input) []finding.Finding {
	oldSupp, oldHas := map[string]bool{}, map[string]bool{}
	for _, f := range old.Findings {
		k := key(f, old.Places)
		s := f.Suppressed
		if old.OwnConfig != nil && (s == nil || s.Kind == "config") {
			s = old.OwnConfig(f) // NEW's configuration replaced by OLD's own
		}
		oldSupp[k] = oldSupp[k] || s != nil
		oldHas[k] = true
	}
	out := []finding.Finding{}
	for _, f := range new.Findings {
		if f.Suppressed == nil {
			continue
		}
		k := key(f, new.Places)
		if oldSupp[k] {
			continue
		}
		if !oldHas[k] && f.Suppressed.Kind == "config" && (old.OwnConfig == nil || old.OwnConfig(f) != nil) {
			continue // a new finding OLD's configuration suppresses as well
		}
		out = append(out, f)
	}
	finding.Sort(out)
	return out
}

// notSuppressed is fixed without the findings NEW still holds but
// suppresses by this change (matched by key, as a multiset): those are
// not fixed.
func notSuppressed(fixed, suppressed []finding.Finding, old, new *Input) []finding.Finding {
	left := map[string]int{}
	for _, f := range suppressed {
		left[key(f, new.Places)]++
	}
	out := []finding.Finding{}
	for _, f := range fixed {
		if k := key(f, old.Places); left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// SuppressionText is where and why a finding is suppressed: "ignore
// comment at n/etc/nova/nova.conf:12: fine", "rule SL-EP-005 turned off
// (.stacklint.yaml)", "ignores entry at .stacklint.yaml:7: reason".
func SuppressionText(s *finding.Suppression) string {
	if s == nil {
		return ""
	}
	at := finding.Visible(s.Path)
	if s.Line > 0 {
		at = fmt.Sprintf("%s:%d", at, s.Line)
	}
	var what string
	switch {
	case s.Kind == "inSource":
		what = "ignore comment at " + at
	case s.Kind == "config" && s.Line > 0:
		what = "ignores entry at " + at
	case s.Kind == "config":
		what = finding.Visible(s.Reason)
		if at != "" {
			what += " (" + at + ")"
		}
		return what
	default:
		what = finding.Visible(s.Kind) + " " + at
	}
	if s.Reason != "" {
		what += ": " + finding.Visible(s.Reason)
	}
	return what
}

// ConfigLine is the configuration note in words ("" when there is
// nothing to say).
func ConfigLine(c *ConfigNote) string {
	if c == nil {
		return ""
	}
	name := func(p string) string {
		if p == "" {
			return "(none)"
		}
		return finding.Visible(p)
	}
	switch {
	case c.Note != "":
		return "configuration: " + finding.Visible(c.Note)
	case c.Differs:
		return fmt.Sprintf("configuration differs: %s → %s; both sides are checked with NEW's, what it suppresses anew is listed", name(c.Old), name(c.New))
	}
	return ""
}

// textSuppressed writes the configuration note and the findings
// suppressed by this change.
func (t *textWriter) suppressed(d *Diff) {
	if len(d.Suppressed) == 0 {
		return
	}
	fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, fmt.Sprintf("suppressed by this change (%d)", len(d.Suppressed))))
	for _, f := range d.Suppressed {
		fmt.Fprintf(&t.b, "  %s  %-7s  %s  %s\n    by %s\n", Position(finding.Primary(f)), f.Severity, f.Rule, finding.Visible(f.Message), SuppressionText(f.Suppressed))
	}
}

// mdSuppressed writes the findings suppressed by this change as a table.
func mdSuppressed(b *mdBuilder, d *Diff) {
	if len(d.Suppressed) == 0 {
		return
	}
	fmt.Fprintf(b, "\n#### Suppressed by this change (%d)\n\n| Severity | Rule | Location | Message | Suppressed by |\n|---|---|---|---|---|\n", len(d.Suppressed))
	for _, f := range d.Suppressed {
		b.row(fmt.Sprintf("| %s | %s | %s | %s | %s |\n", Code(f.Severity, true), Code(f.Rule, true), Code(Position(finding.Primary(f)), true), Code(f.Message, true), Code(SuppressionText(f.Suppressed), true)))
	}
}
