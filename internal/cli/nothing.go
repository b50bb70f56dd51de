package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// nothingToCheck is the exit-2 error of a run that checked nothing a
// deployment is made of, so that a hook or a CI gate never passes by
// accident (issue 20): no file read at all, or no node while folders
// below PATH hold a snapshot's nodes (the snapshot one level deeper than
// the hook's PATH). A folder of rc files only (no node, none below) is a
// real, small snapshot and passes. The message names where stacklint
// looked, the layouts it knows and the snapshots it sees below.
func nothingToCheck(path string, res *result.Result) error {
	return nothingToCheckAs(path, res, true)
}

// nothingToCheckAs is nothingToCheck, with a command to run suggested
// only when suggest is set (a side of a git revision is no folder one can
// name on the command line).
func nothingToCheckAs(path string, res *result.Result, suggest bool) error {
	if res.Files > 0 && res.Nodes > 0 {
		return nil
	}
	below := snapshot.SnapshotsBelow(path)
	if res.Files > 0 && len(below) == 0 {
		return nil // rc files only: a snapshot of its own
	}
	what := "no file stacklint reads"
	if why := rootProblem(res); why != "" {
		what = "no file stacklint reads (" + why + ")" // what was not read, and why
	} else if res.Files > 0 {
		what = fmt.Sprintf("no node (only %s outside any node)", plural(res.Files, "file"))
	}
	msg := fmt.Sprintf("nothing to check in %s: %s; stacklint reads %s", path, what, snapshot.Layouts)
	if len(below) > 0 {
		shown := make([]string, 0, len(below))
		for _, b := range below {
			shown = append(shown, filepath.Join(path, b))
		}
		more := ""
		if len(shown) > 5 {
			shown, more = shown[:5], fmt.Sprintf(" and %d more", len(below)-5)
		}
		msg += fmt.Sprintf("; the nodes of a snapshot are below, in %s%s", strings.Join(shown, ", "), more)
		if suggest {
			msg += ": run stacklint " + shown[0]
		}
	}
	return usageError("%s", msg)
}

// rootProblem says what kept the snapshot's files from being read (an
// archive named as PATH over its bounds, a member repeated or leading
// out): its first problems with their paths, "" when none.
func rootProblem(res *result.Result) string {
	if res.Deployment == nil || res.Deployment.Snapshot == nil {
		return ""
	}
	var said []string
	for _, p := range res.Deployment.Snapshot.Problems {
		said = append(said, finding.Visible(p.Path)+": "+finding.Visible(p.Msg))
	}
	if len(said) > 3 {
		said = append(said[:3], fmt.Sprintf("and %d more", len(said)-3))
	}
	return strings.Join(said, "; ")
}

// plural is "1 file", "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// overwritesSnapshot refuses a report file (--output, --format
// NAME=FILE, --write-baseline; what names the option and its value) that
// is one of the snapshot files the run read: a report would silently
// replace a configuration file. A new file inside the snapshot folder (a
// SARIF log at the repository's root) is fine. Files are compared by
// path and, when the output exists, as files (os.SameFile): a hard link
// to a snapshot file is that file.
func overwritesSnapshot(what, output string, res *result.Result) error {
	if output == "" || res.Deployment == nil {
		return nil
	}
	out, err := filepath.Abs(output)
	if err != nil {
		return nil
	}
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	}
	outInfo, _ := os.Stat(out)
	root := res.Deployment.Snapshot.Root
	for _, f := range res.Deployment.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if p == out || sameFile(outInfo, p) {
			return usageError("%s is %s, a file of the snapshot it reads: write the report elsewhere", what, f.Path)
		}
	}
	return nil
}

// sameFile: the file at p is the one info describes (nil: none).
func sameFile(info os.FileInfo, p string) bool {
	if info == nil {
		return false
	}
	pi, err := os.Stat(p)
	return err == nil && os.SameFile(info, pi)
}
