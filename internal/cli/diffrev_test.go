package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository in a temporary folder whose one commit holds
// the testdata pair's before side as snap/, and whose working tree then
// holds the after side there: the shape of a pull request changing a
// config repository. It skips the test when git is absent.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+repo)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	copyDir(t, filepath.Join(diffPair, "before"), filepath.Join(repo, "snap"))
	git("add", "-A")
	git("commit", "-qm", "before")
	if err := os.RemoveAll(filepath.Join(repo, "snap")); err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(diffPair, "after"), filepath.Join(repo, "snap"))
	return repo
}

// TestDiffRevIsDiffOfTheCommit: `diff --rev HEAD snap` says in every format
// what `diff OLD NEW` says of a copy of the commit and the working tree,
// with the old side labelled HEAD:snap (never a temporary folder), the
// same exit code, and the working tree left as it was.
func TestDiffRevIsDiffOfTheCommit(t *testing.T) {
	repo := gitRepo(t)
	pair := filepath.Join(wd(t), diffPair)
	t.Chdir(repo)
	status := func() string {
		out, err := exec.Command("git", "status", "--porcelain").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	before := status()
	old, err := filepath.Abs(filepath.Join("..", filepath.Base(repo)+"-old", "snap"))
	if err != nil {
		t.Fatal(err)
	}
	copyDir(t, filepath.Join(pair, "before"), old)
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Dir(old)) })
	for _, format := range []string{"text", "json", "markdown"} {
		code, got, errOut := run(t, "diff", "--rev", "HEAD", "--format", format, "snap")
		wantCode, want, _ := run(t, "diff", "--format", format, old, "snap")
		if code != ExitFindings || code != wantCode {
			t.Fatalf("%s: exit %d (want %d, as diff OLD NEW): %s", format, code, wantCode, errOut)
		}
		if strings.Contains(got, os.TempDir()) {
			t.Errorf("%s: a temporary path shows:\n%s", format, got)
		}
		if want = strings.ReplaceAll(want, old, "HEAD:snap"); got != want {
			t.Errorf("%s: diff --rev differs from diff OLD NEW:\n--- rev\n%s\n--- pair\n%s", format, got, want)
		}
	}
	if after := status(); after != before {
		t.Errorf("git status changed:\n%s\nto\n%s", before, after)
	}
}

// wd is the test's starting folder (before t.Chdir), as an absolute path.
func wd(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestDiffRevErrors: a revision that is no commit, a PATH at neither side,
// too many arguments and an empty --rev are usage errors (exit 2, one line).
func TestDiffRevErrors(t *testing.T) {
	repo := gitRepo(t)
	for _, args := range [][]string{
		{"diff", "--rev", "no-such-branch", filepath.Join(repo, "snap")},
		{"diff", "--rev", "HEAD", filepath.Join(repo, "nowhere")},
		{"diff", "--rev", "HEAD", filepath.Join(repo, "snap"), filepath.Join(repo, "snap")},
		{"diff", "--rev", "", filepath.Join(repo, "snap")},
		{"diff", "--rev", "-x", filepath.Join(repo, "snap")},
	} {
		code, _, errOut := run(t, args...)
		if code != ExitUsage || strings.Count(strings.TrimSpace(errOut), "\n") > 0 || strings.Contains(errOut, "goroutine") {
			t.Errorf("%v: exit %d, want 2 with one line: %q", args, code, errOut)
		}
	}
}

// TestDiffRevAbsentAtRev: a snapshot folder the commit does not hold yet is
// an empty old side: every node is added, and the findings of the working
// tree are introduced.
func TestDiffRevAbsentAtRev(t *testing.T) {
	repo := gitRepo(t)
	copyDir(t, filepath.Join(repo, "snap"), filepath.Join(repo, "fresh"))
	code, out, errOut := run(t, "diff", "--rev", "HEAD", filepath.Join(repo, "fresh"))
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	for _, want := range []string{"node compute1 added", "node controller added", "findings introduced"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
}

// TestDiffCustomRules: diff evaluates custom rules (--rules) like built-in
// ones: a custom finding the change introduces fails the gate, and its
// time limit is exit 2.
func TestDiffCustomRules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "custom-rules")
	old, new := filepath.Join(dir, "old"), filepath.Join(dir, "new")
	copyDir(t, filepath.Join(src, "deployment"), old)
	copyDir(t, filepath.Join(src, "deployment"), new)
	conf := filepath.Join(old, "compute1", "etc", "nova", "nova.conf")
	data, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conf, []byte(strings.Replace(string(data), "cpu_allocation_ratio = 8.0", "cpu_allocation_ratio = 2.0", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	rulesDir := filepath.Join(src, "rules")
	code, out, errOut := run(t, "diff", "--rules", rulesDir, "--fail-level", "warning", "--format", "json", old, new)
	if code != ExitFindings || !strings.Contains(out, `"MYSITE-002"`) {
		t.Fatalf("exit %d, want 1 with MYSITE-002 introduced: %s\n%s", code, errOut, out)
	}
	if code, out, _ := run(t, "diff", "--fail-level", "warning", "--format", "json", old, new); strings.Contains(out, "MYSITE-") || code != ExitOK {
		t.Errorf("without --rules: exit %d and custom findings:\n%s", code, out)
	}
	slow := filepath.Join(dir, "slow", "mysite", "slow")
	if err := os.MkdirAll(slow, 0o755); err != nil {
		t.Fatal(err)
	}
	rule := "# METADATA\n# title: Slow\n# description: Counts far.\n# custom:\n#   id: MYSITE-900\n#   severity: info\n#   remediation: None.\npackage stacklint.rules.mysite.slow\n\nreport contains {\"message\": \"x\", \"locations\": []} if {\n\tcount(numbers.range(1, 1e9)) > 0\n}\n"
	if err := os.WriteFile(filepath.Join(slow, "slow.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "diff", "--rules", filepath.Join(dir, "slow"), "--rule-timeout", "300ms", old, new); code != ExitUsage || !strings.Contains(errOut, "MYSITE-900") {
		t.Errorf("a custom rule past its time limit: exit %d, want 2 naming it: %s", code, errOut)
	}
}

// TestInspectModelCustomParams: inspect --model --rules holds the custom
// rules' parameters in params, as their rules receive them.
func TestInspectModelCustomParams(t *testing.T) {
	t.Parallel()
	src := filepath.Join("..", "..", "testdata", "custom-rules")
	code, out, errOut := run(t, "inspect", "--model", "--rules", filepath.Join(src, "rules"), filepath.Join(src, "deployment"))
	if code != ExitOK || !strings.Contains(out, `"MYSITE-002"`) {
		t.Fatalf("exit %d, want MYSITE-002's params: %s", code, errOut)
	}
	if code, _, _ := run(t, "inspect", "--rules", filepath.Join(src, "rules"), filepath.Join(src, "deployment")); code != ExitUsage {
		t.Errorf("--rules without --model: exit %d, want 2", code)
	}
}

// TestDiffRevNothingToCheckSuggestsNoCommand: a --rev side whose nodes
// are one folder deeper is exit 2 naming the folder below by its label,
// with no "run stacklint HEAD:…" (no command takes that).
func TestDiffRevNothingToCheckSuggestsNoCommand(t *testing.T) {
	repo := gitRepo(t)
	t.Chdir(repo)
	code, _, errOut := run(t, "diff", "--rev", "HEAD", ".")
	if code != ExitUsage || !strings.Contains(errOut, "nothing to check") || !strings.Contains(errOut, "snap") || strings.Contains(errOut, "run stacklint") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
