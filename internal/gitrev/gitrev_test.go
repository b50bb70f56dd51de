package gitrev

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// hostileNames are file names a snapshot folder may hold.
var hostileNames = []string{"with space.conf", "ünïcödé.conf", "-rf", "--output=x", "tab\there", "new\nline", "*", ":(glob)x"}

// richRepo commits a nested snapshot folder with files, an executable, a
// link inside and one leading out, a submodule entry, a large file and
// hostile names; then a second commit and uncommitted changes, so that the
// first commit differs from HEAD and from the working tree. It returns the
// repository and the first commit.
func richRepo(t *testing.T) (*testRepo, string) {
	t.Helper()
	r := newRepo(t)
	files := map[string]string{
		"README": "top\n",
		"clouds/prod/controller/etc/nova/nova.conf":       "[DEFAULT]\ndebug = true\n",
		"clouds/prod/controller/etc/neutron/ml2_conf.ini": "[ml2]\n",
		"clouds/prod/controller/etc/big.conf":             strings.Repeat("x", sparseFloor+1),
		"clouds/prod/controller/etc/over-limit.conf":      strings.Repeat("y", 5000),          // over the limit, at most 1 MiB: whole
		"clouds/prod/sos.tar.xz":                          strings.Repeat("z", sparseFloor+1), // an archive: whole
		"clouds/production/other":                         "not below clouds/prod\n",
	}
	for _, n := range hostileNames {
		files["clouds/prod/names/"+n] = "name " + n + "\n"
	}
	r.write(files)
	mustDo(t, os.WriteFile(filepath.Join(r.dir, "clouds/prod/run.sh"), []byte("#!/bin/sh\n"), 0o755))
	mustDo(t, os.Symlink("ml2_conf.ini", filepath.Join(r.dir, "clouds/prod/controller/etc/neutron/plugin.ini")))
	mustDo(t, os.Symlink("/etc/passwd", filepath.Join(r.dir, "clouds/prod/controller/etc/neutron/out.ini")))
	r.git("add", "-A")
	r.git("update-index", "--add", "--cacheinfo", "160000,"+strings.Repeat("ab", 20)+",clouds/prod/sub")
	r.git("commit", "-q", "-m", "first")
	first := strings.TrimSpace(r.git("rev-parse", "HEAD"))
	r.write(map[string]string{"clouds/prod/controller/etc/nova/nova.conf": "[DEFAULT]\ndebug = false\n", "clouds/prod/added": "new\n"})
	r.commit("second")
	r.write(map[string]string{"clouds/prod/controller/etc/nova/nova.conf": "uncommitted\n"})
	return r, first
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestExtractMatchesGit: every file of the folder extracted at a commit
// holds what `git cat-file blob REV:path` gives, links lead where the
// commit says, modes and the submodule's empty folder are as a checkout
// makes them, and nothing else is there.
func TestExtractMatchesGit(t *testing.T) {
	r, first := richRepo(t)
	tree, err := Extract(context.Background(), filepath.Join(r.dir, "clouds/prod"), first[:10], Options{MaxFileSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tree.Close() }()
	if filepath.Base(tree.Dir) != "prod" || tree.Label != first[:10]+":clouds/prod" || tree.Commit != first || tree.Absent {
		t.Errorf("tree %+v", tree)
	}
	listed := strings.Split(strings.TrimSuffix(r.git("ls-tree", "-r", "-t", "-z", "--name-only", first, "--", "clouds/prod/"), "\x00"), "\x00")
	var want []string
	for _, p := range listed {
		rel, ok := strings.CutPrefix(p, "clouds/prod/")
		if !ok { // the folders leading to it
			continue
		}
		want = append(want, rel)
		checkEntry(t, r, first, p, filepath.Join(tree.Dir, rel))
	}
	if got := walk(t, tree.Dir); strings.Join(got, "|") != strings.Join(sorted(want), "|") {
		t.Errorf("extracted\n%q\nwant\n%q", got, sorted(want))
	}
	if fi, err := os.Stat(filepath.Join(tree.Dir, "run.sh")); err != nil || fi.Mode().Perm()&0o100 == 0 {
		t.Errorf("run.sh: %v, %v: not executable", fi, err)
	}
	if err := tree.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(tree.Dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after Close: %v", err)
	}
}

// checkEntry compares the extracted path with the commit's entry at p.
func checkEntry(t *testing.T, r *testRepo, rev, p, got string) {
	t.Helper()
	fields := strings.Fields(strings.SplitN(r.git("ls-tree", "-l", rev, "--", p), "\t", 2)[0])
	fi, err := os.Lstat(got)
	if err != nil {
		t.Errorf("%q: %v", p, err)
		return
	}
	switch fields[0] {
	case "040000", "160000":
		if !fi.IsDir() {
			t.Errorf("%q: %v, want a folder", p, fi.Mode())
		}
	case "120000":
		target, err := os.Readlink(got)
		if want := r.git("cat-file", "blob", rev+":"+p); err != nil || target != want {
			t.Errorf("%q: link to %q (%v), want %q", p, target, err, want)
		}
	default:
		want := r.git("cat-file", "blob", rev+":"+p)
		if fi.Size() != int64(len(want)) || !fi.Mode().IsRegular() {
			t.Errorf("%q: %v of %d bytes, want a file of %d", p, fi.Mode(), fi.Size(), len(want))
		}
		if len(want) > sparseFloor && !strings.HasSuffix(p, ".tar.xz") { // over MaxFileSize: sparse, not read
			if st, ok := fi.Sys().(*syscall.Stat_t); !ok || st.Blocks != 0 {
				t.Errorf("%q: %v blocks written, want a sparse file", p, fi.Sys())
			}
			return
		}
		b, err := os.ReadFile(got)
		if err != nil || string(b) != want {
			t.Errorf("%q: %d bytes (%v) differ from the commit's %d (first %.40q, want %.40q)", p, len(b), err, len(want), b, want)
		}
	}
}

// walk lists the paths below dir, '/'-separated, sorted.
func walk(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	mustDo(t, err)
	return sorted(got)
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}
