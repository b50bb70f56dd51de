package lint_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/finding"
)

// demoCopy copies the broken demo snapshot and writes .stacklint.yaml.
func demoCopy(t *testing.T, cfg string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "demo"), dir)
	if cfg != "" {
		writeFile(t, filepath.Join(dir, ".stacklint.yaml"), cfg)
	}
	return dir
}

// insertAbove inserts text above the first line of a file equal to line.
func insertAbove(t *testing.T, path, line, text string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "\n"+line+"\n", "\n"+text+line+"\n", 1)
	if s == string(b) {
		t.Fatalf("%s: no line %q", path, line)
	}
	writeFile(t, path, s)
}

type lintDoc struct {
	Findings []finding.Finding `json:"findings"`
	Summary  map[string]int    `json:"summary"`
}

func lintDemo(t *testing.T, dir string, extra ...string) (lintDoc, int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Execute(context.Background(), append(append([]string{"--format", "json"}, extra...), dir), cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	var doc lintDoc
	if code < 2 && out.Len() > 0 {
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("exit %d: %v\n%s", code, err, errb.String())
		}
	}
	return doc, code, errb.String()
}

func find(doc lintDoc, rule, path string) *finding.Finding {
	for i, f := range doc.Findings {
		if f.Rule == rule && strings.HasSuffix(f.Locations[0].Path, path) {
			return &doc.Findings[i]
		}
	}
	return nil
}

// TestConfigRejects: unknown keys, rule ids, categories, levels and
// parameters, and ignores without a reason stop the run with exit 2 and a
// message naming the file and line.
func TestConfigRejects(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown key":      {"release: zed\ncolour: red\n", ".stacklint.yaml:2: key colour not found in the configuration"},
		"unknown rule id":  {"rules:\n  SL-XYZ-001: off\n", ".stacklint.yaml:2: rules: unknown rule id or category \"SL-XYZ-001\""},
		"lower-case id":    {"rules:\n  sl-hyg-013: off\n", "did you mean SL-HYG-013?"},
		"bad level":        {"rules:\n  hygiene:\n    level: loud\n", ".stacklint.yaml:3: rules.hygiene: level \"loud\""},
		"unknown category": {"release: zed\ndisable: [networking]\n", ".stacklint.yaml:2: unknown rule id or category \"networking\""},
		"unknown param":    {"rules:\n  SL-HOST-010:\n    params: {floor: 3}\n", ".stacklint.yaml:3: rules.SL-HOST-010.params: unknown parameter \"floor\""},
		"param type":       {"rules:\n  SL-HOST-010:\n    params: {rabbitmq_min_nofile: lots}\n", "rabbitmq_min_nofile: lots is not a number like the default 10000"},
		"rule key typo":    {"rules:\n  SL-HOST-010:\n    lvl: off\n", ".stacklint.yaml:3: unknown key lvl in a rule setting"},
		"ignore no reason": {"ignores:\n  - path: controller/etc/nova/policy.json\n    rule: SL-POL-009\n", ".stacklint.yaml:2: ignores: the ignore of SL-POL-009 at controller/etc/nova/policy.json has no reason"},
		"ignore key typo":  {"ignores:\n  - {path: x, rule: SL-POL-009, reason: r, keys: a}\n", ".stacklint.yaml:2: unknown key keys in an ignore"},
		"ignore bad rule":  {"ignores:\n  - {path: x, rule: SL-POL-99, reason: r}\n", ".stacklint.yaml:2: ignores: unknown rule id \"SL-POL-99\""},
		"bad address":      {"nodes:\n  compute1:\n    addresses: [10.0.0.300]\n", ".stacklint.yaml:3: nodes.compute1.addresses: \"10.0.0.300\" is not an IP address"},
	} {
		t.Run(name, func(t *testing.T) {
			_, code, stderr := lintDemo(t, demoCopy(t, tc.text))
			if code != cli.ExitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, ".stacklint.yaml") {
				t.Errorf("exit %d, stderr %q; want exit 2 naming the file and %q", code, stderr, tc.want)
			}
		})
	}
}

// TestIgnoreCommentErrors: an ignore comment without a reason, or naming
// a rule that does not exist, is exit 2 with the file and line.
func TestIgnoreCommentErrors(t *testing.T) {
	for comment, want := range map[string]string{
		"# stacklint:ignore SL-PASS-003\n":            "compute1/etc/nova/nova.conf:49: stacklint:ignore SL-PASS-003 has no reason",
		"# stacklint:ignore SL-PASS-333 it is fine\n": "compute1/etc/nova/nova.conf:49: stacklint:ignore names unknown rule SL-PASS-333",
	} {
		dir := demoCopy(t, "")
		insertAbove(t, filepath.Join(dir, "compute1/etc/nova/nova.conf"), "password = Nt1p-neutron-svc2", comment)
		_, code, stderr := lintDemo(t, dir)
		if code != cli.ExitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", comment, code, stderr, want)
		}
	}
}

// TestSuppressions: an ignore comment and a configuration ignore suppress
// their findings (kept, marked, not counted), levels and disable apply,
// ignore_paths drops findings, an ignore that matches nothing is reported.
func TestSuppressions(t *testing.T) {
	dir := demoCopy(t, "release: zed\nrules:\n  SL-NET-006: info\ndisable: [hygiene]\nenable: [SL-HYG-016]\nignore_paths: [\"compute2/**\"]\n"+
		"ignores:\n  - path: \"*/etc/nova/policy.json\"\n    rule: SL-POL-002\n    key: os_compute_api:os-migrate-server:migrate\n    reason: read_only_user comes with the next policy release\n"+
		"  - {path: controller/etc/nova/policy.json, rule: SL-POL-011, reason: nothing to match}\n")
	insertAbove(t, filepath.Join(dir, "compute1/etc/nova/nova.conf"), "password = Nt1p-neutron-svc2",
		"# stacklint:ignore SL-PASS-003 rotating the password this week\n")
	doc, code, stderr := lintDemo(t, dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if f := find(doc, "SL-PASS-003", "compute1/etc/nova/nova.conf"); f == nil || f.Suppressed == nil || f.Suppressed.Kind != "inSource" ||
		f.Suppressed.Reason != "rotating the password this week" || f.Suppressed.Line != 49 || f.Locations[0].Line != 50 {
		t.Errorf("SL-PASS-003 = %+v, want suppressed by the comment on line 49", f)
	}
	if f := find(doc, "SL-POL-002", "policy.json"); f == nil || f.Suppressed == nil || f.Suppressed.Kind != "config" {
		t.Errorf("SL-POL-002 = %+v, want suppressed by the configuration", f)
	}
	if f := find(doc, "SL-NET-006", "linuxbridge_agent.ini"); f == nil || f.Severity != "info" {
		t.Errorf("SL-NET-006 = %+v, want level info", f)
	}
	if f := find(doc, "SL-HYG-016", "nova.conf"); f == nil {
		t.Error("SL-HYG-016 was enabled back, but is missing")
	}
	for _, f := range doc.Findings {
		if strings.HasPrefix(f.Locations[0].Path, "compute2/") || (strings.HasPrefix(f.Rule, "SL-HYG-") && f.Rule != "SL-HYG-016") {
			t.Errorf("%s at %s should be dropped", f.Rule, f.Locations[0].Path)
		}
	}
	if f := find(doc, "SL-IGN-001", ".stacklint.yaml"); f == nil || f.Locations[0].Line != 12 {
		t.Errorf("the unused ignore of SL-POL-011 is not reported at .stacklint.yaml:12: %+v", f)
	}
	if doc.Summary["suppressed"] != 2 {
		t.Errorf("summary %v, want 2 suppressed", doc.Summary)
	}
}

// TestBaseline: after --write-baseline, the same findings (even moved by
// lines added above them) are suppressed and the run passes; a new finding
// fails it.
func TestBaseline(t *testing.T) {
	dir := demoCopy(t, "")
	base := filepath.Join(t.TempDir(), "baseline.json")
	first, _, _ := lintDemo(t, dir)
	if len(first.Findings) < 10 {
		t.Fatalf("the demo has %d findings", len(first.Findings))
	}
	if _, code, stderr := lintDemo(t, dir, "--write-baseline", base); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, stderr)
	}
	nova := filepath.Join(dir, "compute1/etc/nova/nova.conf")
	insertAbove(t, nova, "password = Nt1p-neutron-svc2", "# moved down by a comment\n\n")
	doc, code, _ := lintDemo(t, dir, "--baseline", base)
	if code != 0 || doc.Summary["error"]+doc.Summary["warning"]+doc.Summary["info"] != 0 || doc.Summary["suppressed"] != len(first.Findings) {
		t.Fatalf("with the baseline: exit %d, summary %v; want 0 and all %d suppressed", code, doc.Summary, len(first.Findings))
	}
	ctl := filepath.Join(dir, "controller/etc/nova/nova.conf")
	b, err := os.ReadFile(ctl)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, ctl, strings.Replace(string(b), "@controller:5672/", "@controler:5672/", 1))
	doc, code, _ = lintDemo(t, dir, "--baseline", base)
	if code != 1 || doc.Summary["error"] == 0 {
		t.Fatalf("a new finding: exit %d, summary %v; want exit 1", code, doc.Summary)
	}
	for _, f := range doc.Findings {
		if f.Suppressed == nil && !strings.HasPrefix(f.Locations[0].Path, "controller/etc/nova/nova.conf") {
			t.Errorf("old finding not suppressed: %s %s", f.Rule, f.Message)
		}
	}
}

// TestIgnoreInRCFile: an ignore comment in an rc file suppresses the
// finding on the variable below it.
func TestIgnoreInRCFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir)
	rc := filepath.Join(dir, "controller/root/demo-openrc")
	b, err := os.ReadFile(rc)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, rc, strings.Replace(string(b), "export OS_PASSWORD=De7m-demo-pw\n",
		"# stacklint:ignore SL-RC-003 the demo account of the training lab\nexport OS_PASSWORD=DEMO_PASS\n", 1))
	doc, code, stderr := lintDemo(t, dir)
	f := find(doc, "SL-RC-003", "controller/root/demo-openrc")
	if code != 0 || f == nil || f.Suppressed == nil || f.Suppressed.Kind != "inSource" || f.Suppressed.Line != 5 {
		t.Errorf("exit %d (%s), SL-RC-003 = %+v; want exit 0 and the finding suppressed by line 5", code, stderr, f)
	}
}
