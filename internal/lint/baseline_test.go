package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

// TestBaselineErrorsNameLine: a baseline that is not one names the file and
// line ("<file>:<line>: <message>"; it named no line; found by
// FuzzLoadBaseline).
func TestBaselineErrorsNameLine(t *testing.T) {
	for text, want := range map[string]string{
		"{\n  \"version\": 1,\n  \"findings\": [}\n":       `:3: not a stacklint baseline: invalid character '}'`,
		"{\n  \"findings\": [],\n  \"version\": 2\n}\n":    `:3: baseline version 2, want 1`,
		"{\"version\": 1,\n\"findings\": [{\"rule\": 7}]}": `:2: not a stacklint baseline: json: cannot unmarshal number`,
		"": `:1: not a stacklint baseline: unexpected end of JSON input`,
	} {
		p := filepath.Join(t.TempDir(), "baseline.json")
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadBaseline(p)
		if err == nil || !strings.HasPrefix(err.Error(), p+want) {
			t.Errorf("%q: got %v, want %s%s…", text, err, p, want)
		}
	}
}

// TestBaselineFleetEntries: a folded finding is accepted by an entry of
// its fleet fingerprint whatever path the entry names (another node led
// it), by the entry a v0.1.0 baseline wrote for it (its first node's own
// fingerprint), and by a node's entry from before it folded; an entry of
// another fleet, or of the rule on another setting, accepts nothing.
func TestBaselineFleetEntries(t *testing.T) {
	folded := func() ([]finding.Finding, [][]baselineKey) {
		var fs []finding.Finding
		facts := fleetFacts{roles: map[string]string{}}
		for _, n := range []string{"compute1", "compute2", "compute3"} {
			facts.roles[n] = "compute"
			fs = append(fs, finding.Finding{Rule: "SL-X-001", Severity: "warning", Fingerprint: "own-" + n,
				Message:   "nova.conf [DEFAULT] debug on " + n + " is on",
				Locations: []finding.Location{{Path: n + "/etc/nova/nova.conf", Node: n, Section: "DEFAULT", Key: "debug"}}})
		}
		return foldFleet(fs, facts)
	}
	fs, _ := folded()
	fleet := fs[0].Fleet
	for name, c := range map[string]struct {
		entry baselineKey
		want  bool
	}{
		"fleet, another leader": {baselineKey{"SL-X-001", "compute0/etc/nova/nova.conf", "DEFAULT", "debug", "x", fleet}, true},
		"v0.1.0 entry":          {baselineKey{"SL-X-001", "compute1/etc/nova/nova.conf", "DEFAULT", "debug", "own-compute1", ""}, true},
		"before folding":        {baselineKey{"SL-X-001", "compute3/etc/nova/nova.conf", "DEFAULT", "debug", "own-compute3", ""}, true},
		"another fleet":         {baselineKey{"SL-X-001", "compute1/etc/nova/nova.conf", "DEFAULT", "debug", "x", "0123456789abcdef"}, false},
		"another setting":       {baselineKey{"SL-X-001", "compute1/etc/nova/nova.conf", "DEFAULT", "verbose", "x", fleet}, false},
	} {
		fs, from := folded()
		b := &Baseline{entries: map[baselineKey]int{c.entry: 1}}
		b.apply(fs, from)
		if len(fs) != 1 || (fs[0].Suppressed != nil) != c.want {
			t.Errorf("%s: %d findings, suppressed %v; want %v", name, len(fs), fs[0].Suppressed, c.want)
		}
	}
}

// TestWrittenValues: what a location's file holds there, for an INI option
// (each occurrence) and an rc variable.
func TestWrittenValues(t *testing.T) {
	files := loadTree(t, map[string]string{
		"true/etc/nova/nova.conf":  "[DEFAULT]\ndebug = true\ndebug = True\n",
		"true/root/admin-openrc":   "export OS_REGION_NAME=RegionOne\n",
		"false/etc/nova/nova.conf": "[DEFAULT]\n",
	})
	written := writtenValues(files)
	for _, c := range []struct {
		loc  finding.Location
		want []string
	}{
		{finding.Location{Path: "true/etc/nova/nova.conf", Section: "DEFAULT", Key: "debug"}, []string{"true", "True"}},
		{finding.Location{Path: "true/root/admin-openrc", Key: "OS_REGION_NAME"}, []string{"RegionOne"}},
		{finding.Location{Path: "false/etc/nova/nova.conf", Section: "DEFAULT", Key: "debug"}, nil},
		{finding.Location{Path: "none/etc/nova/nova.conf", Section: "DEFAULT", Key: "debug"}, nil},
	} {
		if got := written(c.loc); !slices.Equal(got, c.want) {
			t.Errorf("%+v: %q, want %q", c.loc, got, c.want)
		}
	}
}
