package lint

import (
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

func at(path string, line int, key string) finding.Location {
	return finding.Location{Path: path, Node: "n", Line: line, Section: "s", Key: key}
}

// TestFoldConsequences: a conclusion drawn from a value a root finding
// flags joins the root finding (message, related locations, the higher
// severity); text findings, suppressed ones and findings elsewhere stay.
func TestFoldConsequences(t *testing.T) {
	v, ref, other := at("n/a.conf", 3, "password"), at("c/b.conf", 9, "password"), at("n/a.conf", 4, "x")
	in := []finding.Finding{
		{Rule: "SL-HYG-006", Severity: "warning", Message: "has a comment", Locations: []finding.Location{v}},
		{Rule: "SL-PASS-004", Severity: "error", Message: "differs", Locations: []finding.Location{v, ref}},
		{Rule: "SL-HYG-002", Severity: "warning", Message: "unknown", Locations: []finding.Location{v}},
		{Rule: "SL-PASS-011", Severity: "warning", Message: "weak", Locations: []finding.Location{v, ref}},
		{Rule: "SL-NET-006", Severity: "error", Message: "elsewhere", Locations: []finding.Location{other}},
		{Rule: "SL-MQ-002", Severity: "error", Message: "accepted", Locations: []finding.Location{v}, Suppressed: &finding.Suppression{Kind: "config"}},
	}
	out := foldConsequences(in)
	if len(out) != 5 {
		t.Fatalf("want 5 findings (SL-PASS-004 folded), got %d: %+v", len(out), out)
	}
	root := out[0]
	if root.Rule != "SL-HYG-006" || root.Severity != "error" || root.Message != "has a comment; hence SL-PASS-004: differs" {
		t.Errorf("root finding: %+v", root)
	}
	if len(root.Locations) != 2 || root.Locations[1] != ref {
		t.Errorf("related locations: %+v", root.Locations)
	}
	for _, f := range out[1:] {
		if f.Rule == "SL-PASS-004" || strings.Contains(f.Message, "hence") {
			t.Errorf("not folded as it should be, or folded into the wrong one: %+v", f)
		}
	}
}

// TestFoldConsequencesRootOnAnyLocation: a root finding with several
// locations (SL-HYG-001's placeholders of one section) takes the
// consequences of each; a suppressed root takes none.
func TestFoldConsequencesRootOnAnyLocation(t *testing.T) {
	a, b := at("n/a.conf", 3, "user"), at("n/a.conf", 4, "password")
	in := []finding.Finding{
		{Rule: "SL-HYG-001", Severity: "error", Message: "placeholders", Locations: []finding.Location{a, b}},
		{Rule: "SL-PASS-001", Severity: "error", Message: "differs", Locations: []finding.Location{b}},
	}
	if out := foldConsequences(in); len(out) != 1 || !strings.HasSuffix(out[0].Message, "; hence SL-PASS-001: differs") {
		t.Errorf("got %+v", out)
	}
	in[0].Suppressed = &finding.Suppression{Kind: "inSource"}
	if out := foldConsequences(in); len(out) != 2 {
		t.Errorf("a suppressed root took a consequence: %+v", out)
	}
}
