package gitrev

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractHostileTrees: trees git itself would never check out (made
// with git mktree) are refused with one line naming the path, nothing is
// written outside the temporary folder, and it is removed.
func TestExtractHostileTrees(t *testing.T) {
	r := newRepo(t)
	blob := strings.TrimSpace(r.gitIn("evil\n", "hash-object", "-w", "--stdin"))
	outside := filepath.Join(t.TempDir(), "victim")
	link := strings.TrimSpace(r.gitIn(filepath.Dir(outside), "hash-object", "-w", "--stdin"))
	sub := r.mktree("100644 blob " + blob + "\tvictim\x00")
	t.Setenv("TMPDIR", t.TempDir())
	for _, c := range []struct{ name, tree, want string }{
		{"dot-dot", "100644 blob " + blob + "\t..\x00", "refusing the path .. from git: it has a .. element"},
		{"dot-git", "100644 blob " + blob + "\t.GIT\x00", "refusing the path .GIT from git: it has a .git element"},
		{"dot-git-tree", "040000 tree " + sub + "\t.git\x00", "refusing the path .git from git: it has a .git element"},
		{"twice", "100644 blob " + blob + "\tx\x00100644 blob " + blob + "\tx\x00", "x: listed twice"},
		{"link-then-tree", "120000 blob " + link + "\ta\x00040000 tree " + sub + "\ta\x00", "a: listed twice"},
	} {
		commit := strings.TrimSpace(r.git("commit-tree", "-m", c.name, r.mktree(c.tree)))
		tree, err := Extract(context.Background(), r.dir, commit, Options{})
		if err == nil {
			_ = tree.Close()
			t.Errorf("%s: no error", c.name)
			continue
		}
		if want := commit + ":.: " + c.want; err.Error() != want {
			t.Errorf("%s: %q, want %q", c.name, err, want)
		}
	}
	if _, err := os.Lstat(outside); err == nil {
		t.Error("a file was written outside the temporary folder")
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestCheckPath: paths a checkout refuses.
func TestCheckPath(t *testing.T) {
	for _, p := range []string{"/etc/passwd", "a//b", "a/./b", "a/../b", "..", "a/.Git/config", "a/\x00b", "a/"} {
		if checkPath(p) == nil {
			t.Errorf("%q accepted", p)
		}
	}
	for _, p := range []string{"", "a", ".gitignore", "..a", "a/b c/-d", "ünï/.git2"} {
		if err := checkPath(p); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
}

// TestWriteBelowNonFolder: an entry below a file or link is refused, not
// written through it.
func TestWriteBelowNonFolder(t *testing.T) {
	tmp := t.TempDir()
	root, err := os.OpenRoot(tmp)
	mustDo(t, err)
	defer func() { _ = root.Close() }()
	mustDo(t, root.Mkdir("snap", 0o755))
	mustDo(t, root.Symlink(t.TempDir(), "snap/a"))
	w := &writer{root: root, base: "snap", label: "L", made: map[string]kind{"": kindDir, "a": kindLink}}
	err = w.all(context.Background(), []entry{{kind: kindFile, rel: "a/victim", sparse: true, size: 1}})
	if err == nil || err.Error() != "L: a/victim: its folder is not a folder of the tree" {
		t.Errorf("%v", err)
	}
}

// TestBlobOutOfStepSaysNoContent: when cat-file's output is not the header
// expected (out of step, it may be a file's content), the error quotes
// none of it.
func TestBlobOutOfStepSaysNoContent(t *testing.T) {
	oid := strings.Repeat("a", 40)
	for _, out := range []string{
		"connection = mysql+pymysql://nova:PlantedSecret42@db/nova\n",
		oid + " blob 3 PlantedSecret42\n",
		oid + " PlantedSecret42\n",
	} {
		w := &writer{blobs: bufio.NewReader(strings.NewReader(out))}
		err := w.blob(&entry{oid: oid, size: 5, rel: "etc/nova/nova.conf"}, io.Discard)
		if err == nil || strings.Contains(err.Error(), "Planted") {
			t.Errorf("%q: %v", out, err)
		}
	}
	w := &writer{blobs: bufio.NewReader(strings.NewReader(oid + " missing\n"))}
	err := w.blob(&entry{oid: oid, size: 5, rel: "a"}, io.Discard)
	if want := "a: git cat-file printed \"" + oid + " missing\" for blob " + oid + " of 5 bytes"; err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
}
