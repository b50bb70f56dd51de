package gitrev

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testRepo is a throw-away git repository made by a test.
type testRepo struct {
	t   *testing.T
	dir string
}

// newRepo makes an empty repository in a temporary folder; the test is
// skipped when git is absent.
func newRepo(t *testing.T) *testRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	r := &testRepo{t: t, dir: filepath.Join(t.TempDir(), "repo")}
	if err := os.Mkdir(r.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.git("init", "-q")
	return r
}

// git runs git in the repository with a fixed identity and no
// configuration of the machine's; it returns standard output.
func (r *testRepo) git(args ...string) string {
	r.t.Helper()
	return r.gitIn("", args...)
}

func (r *testRepo) gitIn(stdin string, args ...string) string {
	r.t.Helper()
	full := append([]string{"-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)
	cmd := exec.Command("git", full...)
	cmd.Dir = r.dir
	cmd.Env = append(gitEnv(os.Environ()), "HOME="+r.t.TempDir())
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg = string(ee.Stderr)
		}
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return string(out)
}

// write writes files (path below the repository -> content) with mode 0644.
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	for name, content := range files {
		p := filepath.Join(r.dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit commits everything and returns the commit's name.
func (r *testRepo) commit(msg string) string {
	r.t.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
	return strings.TrimSpace(r.git("rev-parse", "HEAD"))
}

// lookGit is the git of PATH, as an absolute path.
func lookGit() (string, error) {
	p, err := exec.LookPath("git")
	if err != nil {
		return "", err
	}
	return filepath.Abs(p)
}

// mktree makes a tree object of ls-tree -z records, unchecked (names
// such as ".." and duplicates are kept), and returns its name.
func (r *testRepo) mktree(records string) string {
	r.t.Helper()
	return strings.TrimSpace(r.gitIn(records, "mktree", "-z"))
}
