package gitrev_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/gitrev"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// TestLintSameAsCheckout: linting a snapshot extracted at a commit gives
// the findings (rule, node, path, line, message, fingerprint) of linting a
// checkout of that commit, links leading out of the snapshot and files
// over the size limit included, while the working tree has moved on.
func TestLintSameAsCheckout(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := filepath.Join(t.TempDir(), "repo")
	snap := filepath.Join(repo, "clouds", "demo")
	copyTree(t, filepath.Join("..", "..", "testdata", "demo"), snap)
	must(t, os.Symlink("/etc/passwd", filepath.Join(snap, "compute1", "etc", "neutron", "plugin.ini")))
	must(t, os.Symlink("../../../../../../../etc/shadow", filepath.Join(snap, "compute2", "etc", "neutron", "plugin.ini")))
	big := filepath.Join(snap, "controller", "etc", "nova", "nova.conf.d", "big.conf") // over 1 MiB: sparse
	must(t, os.MkdirAll(filepath.Dir(big), 0o755))
	must(t, os.WriteFile(big, []byte("[DEFAULT]\n"+strings.Repeat("#", 2<<20)), 0o644))
	single := filepath.Join(repo, "clouds", "single") // a node named by its folder
	copyTree(t, filepath.Join(snap, "compute1"), single)
	must(t, os.Remove(filepath.Join(single, "etc", "hostname")))
	run(t, repo, "init", "-q")
	run(t, repo, "add", "-A")
	run(t, repo, "commit", "-q", "-m", "first")
	first := strings.TrimSpace(run(t, repo, "rev-parse", "HEAD"))
	must(t, os.WriteFile(filepath.Join(snap, "compute2", "etc", "hostname"), []byte("renamed\n"), 0o644))
	run(t, repo, "commit", "-q", "-a", "-m", "second")
	must(t, os.RemoveAll(filepath.Join(snap, "compute1"))) // the working tree moves on

	checkout := filepath.Join(t.TempDir(), "checkout")
	run(t, "", "clone", "-q", "--no-checkout", repo, checkout)
	run(t, checkout, "checkout", "-q", first)

	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		limit int64 // bytes; 1024: controller's nova.conf is over it (SL-SNAP-003)
		musts []string
	}{
		{"demo", 1024, []string{`"SL-SNAP-003"`, `nova.conf.d/big.conf: is 2097162 bytes (2.0 MiB)`, `"SL-SNAP-001"`, `"compute1"`, `"compute2"`}},
		{"single", 0, []string{`"node": "single"`}},
	} {
		name, limit, musts := c.name, c.limit, c.musts
		tree, err := gitrev.Extract(context.Background(), filepath.Join(repo, "clouds", name), "HEAD~1", gitrev.Options{MaxFileSize: limit})
		if err != nil {
			t.Fatal(err)
		}
		got := findings(t, eng, tree.Dir, limit)
		must(t, tree.Close())
		want := findings(t, eng, filepath.Join(checkout, "clouds", name), limit)
		if got != want {
			t.Errorf("%s extracted:\n%s\ncheckout:\n%s", name, got, want)
		}
		for _, s := range musts {
			if !strings.Contains(want, s) {
				t.Errorf("%s: no %s in the checkout's findings: the test lost its point\n%s", name, s, want)
			}
		}
	}
}

func findings(t *testing.T, eng *engine.Engine, dir string, limit int64) string {
	t.Helper()
	res, err := lint.Run(context.Background(), eng, dir, lint.Options{MaxFileSize: limit})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(res.Findings, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// run runs git in dir with a fixed identity and returns its output.
func run(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// copyTree copies the files, folders and links below src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	must(t, err)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
