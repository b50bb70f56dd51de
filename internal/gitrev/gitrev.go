// Package gitrev reads a snapshot as a git commit holds it, without a
// checkout: `stacklint diff --rev REV [PATH]` lints PATH at REV against the
// working tree. Extract finds the repository holding PATH, resolves REV to
// a commit, lists PATH's tree at that commit (`git ls-tree -r -t -l -z`) and
// streams every blob it needs through one `git cat-file --batch` into a new
// temporary folder whose folder for PATH has PATH's base name, so that node
// names and the paths of findings are those of linting PATH itself.
//
// The repository is only read: git runs rev-parse, ls-tree and cat-file,
// with the caller's GIT_* variables dropped (a hook's GIT_DIR or
// GIT_INDEX_FILE does not redirect it), no system configuration, no pager,
// no optional locks, no lazy fetch of a partial clone's missing objects,
// and LC_ALL=C. Blobs are written as git stores them: no smudge filter
// (Git LFS) and no end-of-line conversion.
//
// Paths from git are untrusted: `..`, `.git`, empty, absolute and NUL
// elements are refused, every write goes through an os.Root of the
// temporary folder, and a path below anything but a folder written before
// it is refused.
package gitrev

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stacklint/stacklint/internal/safefile"
)

// DefaultMaxBytes bounds the bytes of the blobs one extraction writes
// unless Options.MaxBytes says otherwise: 2 GiB, as for an archive.
const DefaultMaxBytes int64 = 2 << 30

// DefaultMaxEntries bounds the entries (files, links, folders) of PATH's
// tree at REV unless Options.MaxEntries says otherwise: 500,000, as for the
// members of an archive.
const DefaultMaxEntries = 500_000

// Options bound an extraction. Zero values take the defaults.
type Options struct {
	// MaxFileSize is the snapshot's size limit in bytes (0:
	// safefile.DefaultLimit, 8 MiB). A larger blob is not read: it is
	// written as a sparse file of its size, so the snapshot reader reports
	// it over the limit (SL-SNAP-003) as it does in a working tree.
	MaxFileSize int64
	// MaxBytes bounds the bytes of all blobs written (0: DefaultMaxBytes);
	// a tree holding more is an error and nothing is written.
	MaxBytes int64
	// MaxEntries bounds the entries of PATH's tree (0: DefaultMaxEntries);
	// more is an error.
	MaxEntries int
}

func (o Options) withDefaults() Options {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = safefile.DefaultLimit
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = DefaultMaxEntries
	}
	return o
}

// Tree is PATH as a commit holds it, written to a temporary folder that
// Close removes.
type Tree struct {
	// Dir is the path to lint in place of PATH: PATH's base name inside the
	// temporary folder (a folder, or a file when PATH is one at REV).
	Dir string
	// Label names the side in reports: REV, a colon and PATH relative to
	// the repository's top ("origin/main:clouds/prod"; "origin/main:." for
	// the top itself).
	Label string
	// Commit is the full object name REV resolved to.
	Commit string
	// Repo is the top of the working tree holding PATH.
	Repo string
	// Absent is true when nothing exists at PATH in the commit (PATH exists
	// in the working tree: an "everything added" side). Dir is then an
	// empty folder, which a lint would refuse as holding nothing to check:
	// the caller treats the side as having no finding.
	Absent bool
	tmp    string
}

// Close removes the temporary folder. It may be called more than once.
func (t *Tree) Close() error {
	if t == nil || t.tmp == "" {
		return nil
	}
	err := os.RemoveAll(t.tmp)
	t.tmp = ""
	return err
}

// Extract writes PATH (default ".") as commit REV holds it to a new
// temporary folder; see the package comment. PATH is a folder or file
// inside a git working tree; it may be absent from the working tree when
// the commit holds it. Errors are one line naming PATH, REV or the
// repository: git not in PATH, PATH in no working tree, REV not a commit,
// PATH at neither side, a hostile or oversized tree, git failing (with the
// first line git wrote). When ctx is done, git is killed, the folder is
// removed and the error wraps ctx's.
func Extract(ctx context.Context, path, rev string, opts Options) (*Tree, error) {
	if path == "" {
		path = "."
	}
	opts = opts.withDefaults()
	g, err := newGit()
	if err != nil {
		return nil, err
	}
	loc, err := locate(ctx, g, path)
	if err != nil {
		return nil, cancelled(ctx, err)
	}
	commit, err := g.verifyCommit(ctx, loc, rev)
	if err != nil {
		return nil, cancelled(ctx, err)
	}
	label := rev + ":" + loc.shownPrefix()
	entries, err := listTree(ctx, g, loc, commit, label, opts)
	if err != nil {
		return nil, cancelled(ctx, err)
	}
	if len(entries) == 0 && !loc.exists {
		return nil, fmt.Errorf("%s exists neither in the working tree nor at %s (commit %s of %s)", show(path), show(rev), commit, loc.top)
	}
	tmp, err := os.MkdirTemp("", "stacklint-rev-")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	t := &Tree{Dir: filepath.Join(tmp, loc.base), Label: label, Commit: commit, Repo: loc.top, Absent: len(entries) == 0, tmp: tmp}
	if err := write(ctx, g, loc, tmp, label, entries); err != nil {
		_ = t.Close() // the error is the one to report
		return nil, cancelled(ctx, err)
	}
	return t, nil
}

// cancelled is ctx's error, wrapped with what was being done, when ctx is
// done (git killed mid-way fails in many ways), else err.
func cancelled(ctx context.Context, err error) error {
	if ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		return fmt.Errorf("reading the git revision: %w", ctx.Err())
	}
	return err
}
