package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/diff"
)

// TestDiffSuppressedByChange: a change that switches its own checks off
// (an ignore comment in the changed file, disable or an ignores entry in
// NEW's .stacklint.yaml) is listed as suppressed by this change in every
// format with the suppression's place and reason, and the configuration
// files differing is said; the exit code does not change (0: the
// finding is not introduced either). The same configuration on both sides
// lists nothing.
func TestDiffSuppressedByChange(t *testing.T) {
	t.Parallel()
	const conf = "compute1/etc/nova/nova.conf"
	for _, c := range []struct {
		name, comment, yaml, by string
	}{
		{"comment", "# stacklint:ignore SL-HYG-002 going away next week\n", "", "ignore comment at compute1/etc/nova/nova.conf:4: going away next week"},
		{"disable", "", "disable: [SL-HYG-002]\n", "rule SL-HYG-002 turned off"},
		{"ignores", "", "ignores:\n  - path: \"*/etc/nova/nova.conf\"\n    rule: SL-HYG-002\n    reason: accepted in review\n", "ignores entry at "},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			old, new := t.TempDir(), t.TempDir()
			copyDir(t, filepath.Join(diffPair, "before"), old)
			copyDir(t, filepath.Join(diffPair, "before"), new)
			data, err := os.ReadFile(filepath.Join(new, conf))
			if err != nil {
				t.Fatal(err)
			}
			writeFiles(t, new, map[string]string{conf: strings.Replace(string(data), "legacy_knob = 1\n", c.comment+"legacy_knob = 1\n", 1)})
			if c.yaml != "" {
				writeFiles(t, new, map[string]string{".stacklint.yaml": c.yaml})
			}
			code, out, errOut := run(t, "diff", "--format", "json", old, new)
			var d diff.Diff
			if err := json.Unmarshal([]byte(out), &d); err != nil || code != 0 {
				t.Fatalf("exit %d, %v: %s %s", code, err, out, errOut)
			}
			if len(d.Suppressed) != 1 || d.Suppressed[0].Rule != "SL-HYG-002" || len(d.Fixed) != 0 || len(d.Introduced) != 0 {
				t.Fatalf("suppressed %+v, fixed %+v, introduced %+v", d.Suppressed, d.Fixed, d.Introduced)
			}
			if (c.yaml != "") != (d.Config != nil && d.Config.Differs) {
				t.Errorf("config note %+v", d.Config)
			}
			for _, format := range []string{"text", "markdown"} {
				_, out, _ := run(t, "diff", "--format", format, old, new)
				if !strings.Contains(strings.ToLower(out), "suppressed by this change") || !strings.Contains(out, c.by) {
					t.Errorf("%s:\n%s", format, out)
				}
				if c.yaml != "" && !strings.Contains(out, "configuration differs") {
					t.Errorf("%s does not say the configuration differs:\n%s", format, out)
				}
			}
			if c.yaml != "" {
				writeFiles(t, old, map[string]string{".stacklint.yaml": c.yaml})
				_, out, _ := run(t, "diff", "--format", "json", old, new)
				var same diff.Diff
				if err := json.Unmarshal([]byte(out), &same); err != nil || len(same.Suppressed) != 0 || same.Config != nil {
					t.Errorf("same configuration on both sides: %v %+v %+v", err, same.Suppressed, same.Config)
				}
			}
		})
	}
}

// TestDiffRevConfig: with --rev, a configuration above PATH cannot be
// compared with REV's (the report says so); one inside PATH is compared
// with PATH's at REV (none there): the finding it turns off is listed.
func TestDiffRevConfig(t *testing.T) {
	t.Parallel()
	repo := gitRepo(t)
	writeFiles(t, repo, map[string]string{".stacklint.yaml": "disable: [SL-HYG-002]\n"})
	_, out, errOut := run(t, "diff", "--rev", "HEAD", filepath.Join(repo, "snap"))
	if !strings.Contains(out, "cannot be compared") {
		t.Errorf("a configuration above PATH: %s\n%s", errOut, out)
	}
	writeFiles(t, repo, map[string]string{"snap/.stacklint.yaml": "disable: [SL-HYG-002]\n"})
	_, out, errOut = run(t, "diff", "--rev", "HEAD", "--format", "json", filepath.Join(repo, "snap"))
	var d diff.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %s %s", err, out, errOut)
	}
	if d.Config == nil || !d.Config.Differs || len(d.Suppressed) != 1 || d.Suppressed[0].Rule != "SL-HYG-002" {
		t.Errorf("config %+v, suppressed %+v", d.Config, d.Suppressed)
	}
}
