package lint_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
)

// TestSeedTrainGuide: the snapshot written literally from seed 001 (a
// Train install guide, testdata/seeds/seed-001/README.md) raises no
// unknown-option warning, is checked against a release whose option set
// Train shares, and whatever it says of deprecated options holds in Train:
// each option SL-HYG-003 or SL-HYG-016 names is deprecated (or deprecated
// for removal) in Train's schema.
func TestSeedTrainGuide(t *testing.T) {
	doc, _ := lintJSON(t, filepath.Join(testdata, "seeds", "seed-001"))
	train, err := schema.Load("train")
	if err != nil {
		t.Fatal(err)
	}
	var deprecations int
	for _, f := range doc.Findings {
		switch f.Rule {
		case "SL-HYG-002":
			t.Errorf("unknown option on the Train guide: %s", f.Message)
		case "SL-HYG-003", "SL-HYG-016":
			deprecations++
			l := f.Locations[0]
			kind := model.SchemaKind(filepath.Base(l.Path))
			v := train.Resolve(kind, l.Section, l.Key, "")
			if v.Status != schema.Deprecated && (v.Opt == nil || v.Opt.Removal == 0) {
				t.Errorf("%s says %s [%s] %s is deprecated, which Train does not (%s)", f.Rule, kind, l.Section, l.Key, v.Status)
			}
		}
	}
	if deprecations == 0 {
		t.Error("nothing said of use_neutron and firewall_driver, which Train deprecated for removal")
	}
	for _, e := range doc.Releases {
		if !slices.Contains([]string{"stein", "train"}, e.Release) && !strings.HasPrefix(e.Why, "set by") {
			t.Errorf("%s checked against %s: %s", e.Service, e.Release, e.Why)
		}
	}
}
