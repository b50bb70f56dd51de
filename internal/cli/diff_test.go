package cli

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/diff"
)

var updateDiff = flag.Bool("update", false, "rewrite testdata/diff/golden.* (review the diff before committing)")

// diffPair is the testdata pair, from the repository root.
const diffPair = "../../testdata/diff"

// TestDiffGolden: the testdata pair's diff in every format is the golden
// file's (go test ./internal/cli -run TestDiffGolden -update rewrites
// them). The pair changes an option, writes a default, drops a written
// default, adds and removes an unregistered option, changes a secret,
// moves an unchanged secret, lengthens a long list, replaces a node and
// introduces and fixes findings: see TestDiffGoldenCovers.
func TestDiffGolden(t *testing.T) {
	t.Chdir(diffPair)
	for format, file := range map[string]string{"text": "golden.txt", "json": "golden.json", "markdown": "golden.md"} {
		code, out, errOut := run(t, "diff", "--format", format, "before", "after")
		if code != ExitFindings {
			t.Fatalf("%s: exit %d, want 1 (an error introduced): %s", format, code, errOut)
		}
		if *updateDiff {
			if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%s differs from %s (rerun with -update and review):\n%s", format, file, out)
		}
	}
}

// TestDiffGoldenCovers: the golden diff holds every kind of change the
// issue names, and not the secret that only moved.
func TestDiffGoldenCovers(t *testing.T) {
	t.Parallel()
	_, out, _ := run(t, "diff", "--format", "json", filepath.Join(diffPair, "before"), filepath.Join(diffPair, "after"))
	var d diff.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	kinds := map[string]bool{}
	for _, c := range d.Options {
		kinds[c.Kind] = true
		if c.Group == "keystone_authtoken" && c.Option == "password" {
			t.Errorf("the unchanged nova password (moved a line up) is reported: %+v", c)
		}
		if c.Secret && (!fpOnly(c.Old) || !fpOnly(c.New) || c.Chars != nil) {
			t.Errorf("secret change shows more than fingerprints: %+v", c)
		}
		if c.Group == "filter_scheduler" && len(c.Chars) == 0 {
			t.Errorf("long value without a character diff: %+v", c)
		}
		if c.Old != nil && c.New != nil && c.Old.Unregistered != c.New.Unregistered {
			t.Errorf("%+v", c)
		}
	}
	for _, k := range []string{diff.Added, diff.Removed, diff.Changed, diff.DefaultToWritten, diff.WrittenToDefault} {
		if !kinds[k] {
			t.Errorf("no %s option in the golden diff", k)
		}
	}
	if !strings.Contains(out, `"metadata_proxy_shared_secret"`) {
		t.Error("the changed secret is not reported")
	}
	if strings.Join(d.NodesAdded, ",") != "compute3" || strings.Join(d.NodesRemoved, ",") != "compute2" {
		t.Errorf("nodes added %v, removed %v", d.NodesAdded, d.NodesRemoved)
	}
	if len(d.Introduced) == 0 || len(d.Fixed) == 0 {
		t.Errorf("introduced %d, fixed %d", len(d.Introduced), len(d.Fixed))
	}
	pol := map[string]string{}
	for _, c := range d.Policies {
		pol[c.Name] = c.Kind
	}
	if pol["os_compute_api:servers:delete"] != diff.Added || pol["os_compute_api:servers:start"] != diff.Removed || pol["os_compute_api:servers:stop"] != diff.Changed {
		t.Errorf("policy changes: %+v", d.Policies)
	}
	if len(d.RC) != 2 || d.RC[1].Name != "OS_PASSWORD" || !d.RC[1].Secret || !fpOnly(d.RC[1].Old) || !fpOnly(d.RC[1].New) {
		t.Errorf("rc changes: %+v", d.RC)
	}
}

var fpLabel = regexp.MustCompile(`^fp:[0-9a-f]{6}$|^\(secret default\)$|^[a-z+]+://[^:@/]*:fp:[0-9a-f]{6}@`)

// fpOnly: a secret's value is a fingerprint, a secret default, or a URL
// whose password is a fingerprint (as inspect renders it).
func fpOnly(v *diff.Value) bool {
	return v == nil || fpLabel.MatchString(v.Value)
}

// TestDiffExitCodes: exit 1 only for a finding introduced at or above
// --fail-level; fixed findings never fail; no change is exit 0.
func TestDiffExitCodes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"before", "after"}, ExitFindings}, // an error introduced
		{[]string{"--fail-level", "none", "before", "after"}, ExitOK},
		{[]string{"after", "before"}, ExitOK}, // the error fixed, infos introduced
		{[]string{"--fail-level", "info", "after", "before"}, ExitFindings},
		{[]string{"--fail-level", "info", "before", "before"}, ExitOK}, // findings, but none introduced
	} {
		args := []string{"diff"}
		for _, a := range c.args {
			if a == "before" || a == "after" {
				a = filepath.Join(diffPair, a)
			}
			args = append(args, a)
		}
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			t.Parallel()
			code, _, errOut := run(t, args...)
			if code != c.want {
				t.Errorf("diff %v: exit %d, want %d (%s)", c.args, code, c.want, errOut)
			}
		})
	}
}

// TestDiffNoChange: a snapshot against itself is "no change", with no
// option reported although every value is compared.
func TestDiffNoChange(t *testing.T) {
	t.Parallel()
	before := filepath.Join(diffPair, "before")
	code, out, _ := run(t, "diff", before, before)
	if code != 0 || !strings.Contains(out, "\nno change\n") || strings.Contains(out, "[") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// TestDiffUsageErrors: bad flags and unreadable sides are exit 2 with a
// one-line message naming the side.
func TestDiffUsageErrors(t *testing.T) {
	t.Parallel()
	before, after := filepath.Join(diffPair, "before"), filepath.Join(diffPair, "after")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{before}, "accepts 2 arg(s)"},
		{[]string{"--format", "sarif", before, after}, "--format sarif: unknown format"},
		{[]string{"--fail-level", "fatal", before, after}, "--fail-level must be"},
		{[]string{"--release", "", before, after}, "--release is empty"},
		{[]string{"missing", after}, "missing: cannot read snapshot"},
		{[]string{before, "missing"}, "missing"},
		{[]string{"--config", "missing.yaml", before, after}, "missing.yaml"},
	} {
		code, out, errOut := run(t, append([]string{"diff"}, c.args...)...)
		if code != ExitUsage || !strings.Contains(errOut, c.want) || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("diff %v: exit %d, stderr %q, stdout %q; want exit 2 and %q", c.args, code, errOut, out, c.want)
		}
	}
}

// TestDiffSideLabel: a side read from a temporary folder (diff --rev) is
// named by its label everywhere, never by its path.
func TestDiffSideLabel(t *testing.T) {
	t.Parallel()
	tmp := filepath.Join(t.TempDir(), "stacklint-rev-123")
	copyDir(t, filepath.Join(diffPair, "before"), tmp)
	after := filepath.Join(diffPair, "after")
	for _, format := range []string{"text", "json", "markdown"} {
		var out strings.Builder
		o := &diffOptions{format: format, failLevel: "none"}
		o.maxSize.bytes, o.maxArchive.bytes = 8<<20, 1<<30
		err := runDiff(t.Context(), IO{Out: &out, Err: &out}, o, diff.Side{Path: tmp, Label: "HEAD~1"}, diff.Side{Path: after, Label: "HEAD"})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), tmp) || strings.Contains(out.String(), "stacklint-rev") || !strings.Contains(out.String(), "HEAD~1") {
			t.Errorf("%s: the temporary folder shows, or the label does not:\n%s", format, out.String())
		}
	}
	err := runDiff(t.Context(), IO{Out: &strings.Builder{}, Err: &strings.Builder{}}, &diffOptions{format: "text", failLevel: "error"},
		diff.Side{Path: filepath.Join(tmp, "nothing-here"), Label: "HEAD~1"}, diff.Side{Path: after, Label: "HEAD"})
	if err == nil || strings.Contains(err.Error(), tmp) || !strings.Contains(err.Error(), "HEAD~1") {
		t.Errorf("an unreadable temporary side: %v", err)
	}
}

// TestDiffOutputFile: --output writes the report there, and refuses a
// file of either snapshot.
func TestDiffOutputFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old, new := filepath.Join(dir, "old"), filepath.Join(dir, "new")
	copyDir(t, filepath.Join(diffPair, "before"), old)
	copyDir(t, filepath.Join(diffPair, "after"), new)
	report := filepath.Join(dir, "diff.md")
	code, out, errOut := run(t, "diff", "-f", "markdown", "--output", report, old, new)
	b, _ := os.ReadFile(report)
	if code != ExitFindings || out != "" || !strings.HasPrefix(string(b), "### stacklint diff") {
		t.Errorf("exit %d, stdout %q, stderr %q, file %q", code, out, errOut, b)
	}
	for _, side := range []string{old, new} {
		target := filepath.Join(side, "controller/etc/nova/nova.conf")
		before, _ := os.ReadFile(target)
		code, _, errOut := run(t, "diff", "--output", target, old, new)
		after, _ := os.ReadFile(target)
		if code != ExitUsage || string(before) != string(after) || !strings.Contains(errOut, "a file of the snapshot") {
			t.Errorf("--output into %s: exit %d, %s", side, code, errOut)
		}
	}
}

// copyDir copies a tree of regular files.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDiffConfigNodes: one configuration serves both sides: a node of one
// side only may be named in it; a node of neither is a usage error.
func TestDiffConfigNodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ok, typo := filepath.Join(dir, "ok.yaml"), filepath.Join(dir, "typo.yaml")
	tree(t, dir, map[string]string{
		"ok.yaml":   "nodes:\n  compute3:\n    roles: [compute]\n  compute2:\n    addresses: [10.0.0.32]\n",
		"typo.yaml": "nodes:\n  compute9:\n    roles: [compute]\n",
	})
	before, after := filepath.Join(diffPair, "before"), filepath.Join(diffPair, "after")
	if code, _, errOut := run(t, "diff", "--config", ok, "--fail-level", "none", before, after); code != ExitOK {
		t.Errorf("a node of one side: exit %d, %s", code, errOut)
	}
	code, _, errOut := run(t, "diff", "--config", typo, before, after)
	if code != ExitUsage || !strings.Contains(errOut, "typo.yaml: nodes: compute9 is a node of neither snapshot") {
		t.Errorf("a node of neither side: exit %d, %s", code, errOut)
	}
	if code, _, errOut := run(t, "diff", "--config", "none", "--fail-level", "none", before, after); code != ExitOK {
		t.Errorf("--config none: exit %d, %s", code, errOut)
	}
}

// TestDiffTimeout: past --timeout, exit 2 naming the phase, and no report.
func TestDiffTimeout(t *testing.T) {
	t.Parallel()
	code, out, errOut := run(t, "diff", "--timeout", "1ns", filepath.Join(diffPair, "before"), filepath.Join(diffPair, "after"))
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "run exceeded --timeout of 1ns while") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestDiffSosReportsOfTwoDays: two sos collections of one deployment,
// their report folders dated differently, are no change: nodes match by
// host name, findings by node and path below the node.
func TestDiffSosReportsOfTwoDays(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "deployments", "sos-linuxbridge")
	copyDir(t, src, filepath.Join(dir, "old"))
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		copyDir(t, filepath.Join(src, e.Name()), filepath.Join(dir, "new", strings.Replace(e.Name(), "2026-11-30", "2026-12-01", 1)+"-later"))
	}
	code, out, errOut := run(t, "diff", "--fail-level", "info", filepath.Join(dir, "old"), filepath.Join(dir, "new"))
	if code != ExitOK || !strings.Contains(out, "\nno change\n") {
		t.Errorf("exit %d, %s\n%s", code, errOut, out)
	}
}

// TestDiffCarriesNotes: two sides whose secrets a sos report masked say
// "no change" and, in every format, that masked values were not compared
// (each side's notes, by label).
func TestDiffCarriesNotes(t *testing.T) {
	dir := t.TempDir()
	for _, side := range []string{"a", "b"} {
		p := filepath.Join(dir, side, "ctl", "etc", "nova", "nova.conf")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("[keystone_authtoken]\npassword = ********\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for format, want := range map[string]string{"text": "note: " + a + ": ", "json": `"notes": [`, "markdown": "> note: `" + a + ": "} {
		_, out, errOut := run(t, "diff", "--format", format, a, b)
		if !strings.Contains(out, want) || !strings.Contains(out, "change of the secret behind a mask does not show") {
			t.Errorf("%s: no note %q:\n%s%s", format, want, out, errOut)
		}
	}
}

// TestDiffRenamedNodePlanted: a node folder renamed (same etc/hostname)
// whose secret changes is one node renamed with its secret changed, and
// no format shows either planted secret.
func TestDiffRenamedNodePlanted(t *testing.T) {
	dir := t.TempDir()
	write := func(side, node, pass string) {
		for name, text := range map[string]string{
			"etc/hostname":       "cmp1.example.org\n",
			"etc/nova/nova.conf": "[keystone_authtoken]\npassword = " + pass + "\n[DEFAULT]\ndebug = true\n",
		} {
			p := filepath.Join(dir, side, node, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	write("a", "compute1", "Xq9OldS3cretZ")
	write("b", "cmp-node1", "Xq9NewS3cretZ")
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, format := range []string{"text", "json", "markdown"} {
		_, out, errOut := run(t, "diff", "--format", format, a, b)
		if strings.Contains(out+errOut, "S3cretZ") || !strings.Contains(out, "cmp-node1") || strings.Contains(out, "node compute1 removed") {
			t.Errorf("%s:\n%s%s", format, out, errOut)
		}
		if format == "text" && (!strings.Contains(out, "node compute1 renamed to cmp-node1") || !strings.Contains(out, "[keystone_authtoken] password: changed (fp:")) {
			t.Errorf("text:\n%s", out)
		}
	}
}
