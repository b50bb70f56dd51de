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
