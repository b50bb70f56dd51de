package gitrev

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestExtractReadOnly: extracting leaves the working tree, the index and
// every file of the git directory as they were.
func TestExtractReadOnly(t *testing.T) {
	r, first := richRepo(t)
	status := r.git("status", "--porcelain", "-z")
	before := gitDirState(t, r)
	time.Sleep(20 * time.Millisecond) // a write would show in the mtimes
	for _, rev := range []string{first, "HEAD", "main"} {
		tree, err := Extract(context.Background(), filepath.Join(r.dir, "clouds", "prod"), rev, Options{})
		if err != nil {
			t.Fatal(err)
		}
		mustDo(t, tree.Close())
	}
	if after := gitDirState(t, r); after != before {
		t.Errorf("the git directory changed:\n%s\nwas\n%s", after, before)
	}
	if got := r.git("status", "--porcelain", "-z"); got != status {
		t.Errorf("git status: %q, was %q", got, status)
	}
}

// gitDirState lists every path of .git with its size and mtime.
func gitDirState(t *testing.T, r *testRepo) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(filepath.Join(r.dir, ".git"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s %d %d", p, fi.Size(), fi.ModTime().UnixNano()))
		return nil
	})
	mustDo(t, err)
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestExtractRevErrors: a REV that is not a commit is one line naming it
// and the repository, also when it looks like an option.
func TestExtractRevErrors(t *testing.T) {
	r, first := richRepo(t)
	tree := strings.TrimSpace(r.git("rev-parse", first+"^{tree}"))
	for _, rev := range []string{"origin/mian", "-h", "--output=/tmp/x", "--all", tree, "", "HEAD~99", "bad\nrev"} {
		got, err := Extract(context.Background(), r.dir, rev, Options{})
		if err == nil {
			_ = got.Close()
			t.Errorf("REV %q: no error", rev)
			continue
		}
		want := fmt.Sprintf("REV %s is not a commit of %s", show(rev), r.dir)
		if err.Error() != want {
			t.Errorf("REV %q: %q, want %q", rev, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(r.dir, "--output=", "tmp")); err == nil {
		t.Error("a REV was taken as an option")
	}
}

// TestExtractPathErrors: PATH outside a repository, at neither side, at one
// side only, and a file.
func TestExtractPathErrors(t *testing.T) {
	r, first := richRepo(t)
	ctx := context.Background()
	outside := t.TempDir()
	if _, err := Extract(ctx, outside, "HEAD", Options{}); err == nil || !strings.HasPrefix(err.Error(), outside+" is not in a git working tree (git: fatal: not a git repository") {
		t.Errorf("outside a repository: %v", err)
	}
	nowhere := filepath.Join(r.dir, "clouds", "staging")
	if _, err := Extract(ctx, nowhere, "HEAD", Options{}); err == nil || !strings.HasPrefix(err.Error(), nowhere+" exists neither in the working tree nor at HEAD") {
		t.Errorf("at neither side: %v", err)
	}
	// only in the working tree: an empty, absent side
	r.write(map[string]string{"clouds/staging/ctl/etc/nova/nova.conf": "[DEFAULT]\n"})
	tree, err := Extract(ctx, nowhere, "HEAD", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if entries, err := os.ReadDir(tree.Dir); err != nil || len(entries) != 0 || !tree.Absent || filepath.Base(tree.Dir) != "staging" {
		t.Errorf("absent at HEAD: %+v, %v, %v", tree, entries, err)
	}
	mustDo(t, tree.Close())
	// only at the commit: `added` is in HEAD, removed from the working tree
	mustDo(t, os.RemoveAll(filepath.Join(r.dir, "clouds", "prod")))
	tree, err = Extract(ctx, filepath.Join(r.dir, "clouds", "prod", "added"), "HEAD", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(tree.Dir); err != nil || string(b) != "new\n" || tree.Absent || tree.Label != "HEAD:clouds/prod/added" {
		t.Errorf("a file only at HEAD: %+v, %q, %v", tree, b, err)
	}
	mustDo(t, tree.Close())
	if _, err := Extract(ctx, filepath.Join(r.dir, "clouds", "prod", "added"), first, Options{}); err == nil || !strings.Contains(err.Error(), "exists neither") {
		t.Errorf("a file at neither side: %v", err)
	}
}

// TestExtractTopAndRelative: PATH "." and "" at the repository's top is the
// whole tree, named as the folder is.
func TestExtractTopAndRelative(t *testing.T) {
	r, first := richRepo(t)
	t.Chdir(filepath.Join(r.dir, "clouds"))
	for _, path := range []string{"", ".", "prod/..", "../clouds"} {
		tree, err := Extract(context.Background(), path, first, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(tree.Dir) != "clouds" || tree.Label != first+":clouds" {
			t.Errorf("%q: %+v", path, tree)
		}
		if _, err := os.Stat(filepath.Join(tree.Dir, "production", "other")); err != nil {
			t.Errorf("%q: %v", path, err)
		}
		mustDo(t, tree.Close())
	}
	tree, err := Extract(context.Background(), r.dir, first, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tree.Close() }()
	if filepath.Base(tree.Dir) != "repo" || tree.Label != first+":." {
		t.Errorf("top: %+v", tree)
	}
	if b, err := os.ReadFile(filepath.Join(tree.Dir, "README")); err != nil || string(b) != "top\n" {
		t.Errorf("top: %q, %v", b, err)
	}
	if _, err := os.Lstat(filepath.Join(tree.Dir, ".git")); err == nil {
		t.Error("top: a .git was written")
	}
}

// TestExtractIgnoresGitEnv: the caller's GIT_DIR, GIT_WORK_TREE and
// GIT_INDEX_FILE (a hook's) do not redirect git to another repository.
func TestExtractIgnoresGitEnv(t *testing.T) {
	r, first := richRepo(t)
	other := newRepo(t)
	other.write(map[string]string{"clouds/prod/other": "the other repository\n"})
	otherHead := other.commit("other")
	t.Setenv("GIT_DIR", filepath.Join(other.dir, ".git"))
	t.Setenv("GIT_WORK_TREE", other.dir)
	t.Setenv("GIT_INDEX_FILE", filepath.Join(other.dir, ".git", "index"))
	t.Setenv("GIT_OBJECT_DIRECTORY", filepath.Join(other.dir, ".git", "objects"))
	tree, err := Extract(context.Background(), filepath.Join(r.dir, "clouds", "prod"), first, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tree.Close() }()
	if _, err := os.Stat(filepath.Join(tree.Dir, "run.sh")); err != nil || tree.Repo != r.dir {
		t.Errorf("%+v: %v", tree, err)
	}
	if _, err := Extract(context.Background(), filepath.Join(r.dir, "clouds", "prod"), otherHead, Options{}); err == nil {
		t.Error("the other repository's commit was found")
	}
}

// TestExtractNoGit: without git in PATH, one line says so.
func TestExtractNoGit(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Extract(context.Background(), ".", "HEAD", Options{})
	if err == nil || err.Error() != "stacklint diff --rev needs git in PATH" {
		t.Errorf("%v", err)
	}
}

// TestExtractBounds: more blob bytes or entries than allowed is an error
// and leaves no temporary folder.
func TestExtractBounds(t *testing.T) {
	r, first := richRepo(t)
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{MaxBytes: 100}, first + ":clouds/prod: its files hold more than 100 bytes, over the limit"},
		{Options{MaxEntries: 5}, first + ":clouds/prod: more than 5 entries, over the limit"},
	} {
		tree, err := Extract(context.Background(), filepath.Join(r.dir, "clouds", "prod"), first, c.opts)
		if err == nil {
			_ = tree.Close()
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v, want %s", c.opts, err, c.want)
		}
	}
}

// TestExtractCancel: a done context stops git (cat-file here, replaced by
// a sleep) and removes the temporary folder.
func TestExtractCancel(t *testing.T) {
	r, first := richRepo(t)
	real, err := lookGit()
	if err != nil {
		t.Skip(err)
	}
	bin := t.TempDir()
	script := "#!/bin/sh\nfor a; do [ \"$a\" = cat-file ] && exec sleep 60; done\nexec " + real + " \"$@\"\n"
	mustDo(t, os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755))
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("TMPDIR", t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = Extract(ctx, filepath.Join(r.dir, "clouds", "prod"), first, Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("%v, want the deadline", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v: git was not stopped", d)
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
