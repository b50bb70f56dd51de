package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/result"
)

var update = flag.Bool("update", false, "rewrite the golden files (review the diff before committing)")

// fixture is a small result with what every format must render: an error
// with a related location, section and key; a suppressed warning; an info
// finding without a line; characters each format escapes, and a path,
// key, message and reason with control characters, a bidi override,
// spaces, '%', '#', '?' and a byte that is not UTF-8.
func fixture() *result.Result {
	return &result.Result{
		Root: "snap", Nodes: 2, Files: 3,
		Release: release.Choice{Release: release.Release{Name: "zed", Series: "2022.2"}, Source: "auto"},
		Releases: []result.ServiceRelease{
			{Service: "nova", Release: "zed", Series: "2022.2", Source: "auto", Why: "mixed releases: these nodes' files fit zed best (zed 0 unknown/0 deprecated of 9)", Nodes: []string{"c:1"}},
			{Service: "nova", Release: "2025.1", Series: "2025.1", Source: "auto", Why: "mixed releases: these nodes' files fit 2025.1 best (zed 2 unknown/0 deprecated of 9)", Nodes: []string{"c2"}},
		},
		Rules: []finding.Rule{
			{ID: "SL-PASS-003", Title: "nova's neutron client does not use neutron's credentials", Description: "nova authenticates to neutron with [neutron] password.", Severity: "error", Category: "credentials", Remediation: "Copy neutron's password.", Package: "credentials.nova_neutron"},
			{ID: "SL-POL-011", Title: "Policy defined more than once in a file", Description: "The last one wins.", Severity: "warning", Category: "policy", Remediation: "Keep one.", Package: "policy.duplicate_policy"},
			{ID: "SL-SNAP-001", Title: "Snapshot holds no OpenStack file", Description: "Nothing to check.", Severity: "info", Category: "input", Remediation: "Point stacklint at /etc.", Package: "input.empty"},
			{ID: "SL-PARSE-001", Title: "File cannot be parsed", Description: "The service cannot read it.", Severity: "error", Category: "input", Remediation: "Fix the syntax.", Package: "input.parse"},
		},
		Findings: []finding.Finding{
			{Rule: "SL-PASS-003", Severity: "error", Fingerprint: "0123456789abcdef",
				Message: "nova.conf [neutron] password on c1 (fp:01581e) differs from neutron's (fp:071665): 401 & <fail>, \"always\" 100%",
				Locations: []finding.Location{
					{Path: "c1/etc/nova/nova.conf", Node: "c1", Line: 49, Column: 1, Section: "neutron", Key: "password"},
					{Path: "ctl/etc/neutron/neutron.conf", Node: "ctl", Line: 21, Column: 1, Section: "keystone_authtoken", Key: "password"},
				}},
			{Rule: "SL-POL-011", Severity: "warning", Fingerprint: "fedcba9876543210",
				Message:    "nova policy 'a' is defined 2 times (lines 2, 5); only the last, line 5, counts",
				Locations:  []finding.Location{{Path: "ctl/etc/nova/policy.json", Node: "ctl", Line: 2, Key: "a"}},
				Suppressed: &finding.Suppression{Kind: "config", Reason: "known,\x07 fixed in the\nnext rollout", Path: ".stacklint.yaml", Line: 7}},
			{Rule: "SL-SNAP-001", Severity: "info", Fingerprint: "00000000000000ff",
				Message:   "snapshot: line one\nline two",
				Locations: []finding.Location{{Path: "c1"}}},
			{Rule: "SL-PARSE-001", Severity: "error", Fingerprint: "0000000000000abc",
				Message: "shell syntax error \x1b[31mred\x07 \u202eevil\r\nforged",
				Locations: []finding.Location{
					{Path: "c1/root/admin openrc\x1b[2J\x07\r\n\u202e %#?\xff", Node: "c1", Line: 3, Column: 2, Key: "OS_\x1bAUTH_URL"},
					{Path: "c:1/etc/nova/nova.conf", Node: "c:1", Line: 1, Column: 1, Section: "a]\nb", Key: "k"},
				}},
		},
	}
}

// TestGolden: every format renders the fixture as its golden file in
// testdata/golden (written by hand-checked -update runs).
func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			rep, err := New(format, Options{Version: "v1.2.3"})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := rep.Report(&b, fixture()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", "fixture."+format)
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s output differs from %s:\n%s", format, golden, b.String())
			}
		})
	}
}
