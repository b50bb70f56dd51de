package gitrev

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	pathpkg "path"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/safefile"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// kind is what a tree entry becomes on disk.
type kind int

const (
	kindDir       kind = iota // 040000: a folder
	kindFile                  // 100644 (and the old 100664): a file, 0644
	kindExec                  // 100755: a file, 0755
	kindLink                  // 120000: a symbolic link to the blob's text
	kindSubmodule             // 160000: an empty folder, as a checkout leaves an uninitialised submodule
)

// maxLinkTarget bounds a symbolic link's target (PATH_MAX less its NUL).
const maxLinkTarget = 4095

// sparseFloor is the size at or below which a blob is always written
// whole: the snapshot reader reads a kolla config.json up to 1 MiB whatever
// --max-file-size says (internal/snapshot maxContainerConfig), and it must
// not read zeros there. Archives (.tar.xz, ...) are read up to
// --max-archive-size and are never sparse either: a file the reader refuses
// by its size alone is the only one left unread.
const sparseFloor = 1 << 20

// maxRecord bounds one record of ls-tree's output (its path is untrusted).
const maxRecord = 1 << 20

// entry is one entry of PATH's tree at REV.
type entry struct {
	kind   kind
	oid    string // full object name
	size   int64  // bytes of a blob; 0 for folders and submodules
	rel    string // '/'-separated path below PATH ("" for PATH itself)
	sparse bool   // over MaxFileSize (and sparseFloor), not an archive: written as a sparse file of size bytes, unread
}

// read tells an entry whose blob is read through cat-file.
func (e *entry) read() bool {
	return (e.kind == kindFile || e.kind == kindExec || e.kind == kindLink) && !e.sparse
}

// listTree lists PATH's tree at commit, in ls-tree's order (a folder before
// what it holds), every path checked, within opts' bounds.
func listTree(ctx context.Context, g *git, loc *location, commit, label string, opts Options) ([]entry, error) {
	args := []string{"--git-dir=" + loc.gitDir, "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", commit}
	if loc.prefix != "" {
		args = append(args, "--", loc.prefix)
	}
	cmd := g.command(ctx, loc.top, args...)
	stderr := &headBuffer{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	entries, perr := parseTree(out, loc.prefix, label, opts)
	if perr != nil {
		_ = cmd.Process.Kill() // the rest of the listing is not wanted; Wait reaps it
	}
	if err := cmd.Wait(); err != nil && perr == nil {
		return nil, fmt.Errorf("%s: %w", label, &runError{err: err, stderr: stderr.firstLine()})
	}
	return entries, perr
}

// parseTree reads ls-tree's NUL-terminated records, keeps those at or
// below prefix, and checks paths, kinds and bounds.
func parseTree(r io.Reader, prefix, label string, opts Options) ([]entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxRecord)
	sc.Split(splitNUL)
	var entries []entry
	var total int64
	for sc.Scan() {
		e, keep, err := parseRecord(sc.Bytes(), prefix, opts.MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", label, err)
		}
		if !keep {
			continue
		}
		if e.rel == "" && (prefix == "" || len(entries) > 0) {
			return nil, fmt.Errorf("%s: git ls-tree listed an empty path, or PATH twice", label)
		}
		if len(entries) == opts.MaxEntries {
			return nil, fmt.Errorf("%s: more than %d entries, over the limit", label, opts.MaxEntries)
		}
		if e.read() && e.kind != kindLink {
			if total += e.size; total > opts.MaxBytes {
				return nil, fmt.Errorf("%s: its files hold more than %s, over the limit", label, safefile.FormatSize(opts.MaxBytes))
			}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading git ls-tree: %w", label, err)
	}
	return entries, nil
}

func splitNUL(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return 0, nil, fmt.Errorf("git ls-tree: a record without its NUL")
	}
	return 0, nil, nil
}

// parseRecord reads "<mode> <type> <object> <size>\t<path>"; keep is
// false for the folders leading to prefix.
func parseRecord(rec []byte, prefix string, maxFile int64) (entry, bool, error) {
	meta, path, ok := strings.Cut(string(rec), "\t")
	f := strings.Fields(meta)
	if !ok || len(f) != 4 || !isObjectName(f[2]) {
		return entry{}, false, fmt.Errorf("git ls-tree printed %s", show(string(rec)))
	}
	rel, keep := below(path, prefix)
	if !keep {
		return entry{}, false, nil
	}
	if err := checkPath(rel); err != nil {
		return entry{}, false, fmt.Errorf("refusing the path %s from git: %w", show(path), err)
	}
	e := entry{oid: f[2], rel: rel}
	var err error
	if e.kind, err = modeKind(f[0], f[1]); err != nil {
		return entry{}, false, fmt.Errorf("%s: %w", show(path), err)
	}
	if err := e.setSize(f[3], path, maxFile); err != nil {
		return entry{}, false, err
	}
	return e, true, nil
}

// setSize reads a blob's size as ls-tree printed it, bounds a link's and
// decides whether the file is written sparse.
func (e *entry) setSize(field, path string, maxFile int64) error {
	if e.kind != kindFile && e.kind != kindExec && e.kind != kindLink {
		return nil
	}
	var err error
	if e.size, err = strconv.ParseInt(field, 10, 64); err != nil || e.size < 0 {
		return fmt.Errorf("%s: git ls-tree printed the size %s", show(path), show(field))
	}
	if e.kind == kindLink && e.size > maxLinkTarget {
		return fmt.Errorf("%s: a symbolic link of %d bytes, over %d", show(path), e.size, maxLinkTarget)
	}
	e.sparse = e.kind != kindLink && e.size > max(maxFile, sparseFloor) && !snapshot.IsArchive(pathpkg.Base(path))
	return nil
}

// below is path relative to prefix ("" for prefix itself); keep is false
// when path is not prefix nor below it.
func below(path, prefix string) (string, bool) {
	switch {
	case prefix == "":
		return path, true
	case path == prefix:
		return "", true
	case strings.HasPrefix(path, prefix+"/"):
		return path[len(prefix)+1:], true
	}
	return "", false
}

// checkPath refuses a path a checkout would refuse, or that could lead
// outside the folder it is written to: absolute, empty, `.`, `..` or
// `.git` elements (any case), and NUL.
func checkPath(rel string) error {
	if rel == "" {
		return nil
	}
	if strings.ContainsRune(rel, 0) {
		return fmt.Errorf("it holds a NUL")
	}
	if strings.HasPrefix(rel, "/") {
		return fmt.Errorf("it is absolute")
	}
	for elem := range strings.SplitSeq(rel, "/") {
		switch {
		case elem == "":
			return fmt.Errorf("it has an empty element")
		case elem == "." || elem == "..":
			return fmt.Errorf("it has a %s element", elem)
		case strings.EqualFold(elem, ".git"):
			return fmt.Errorf("it has a .git element")
		}
	}
	return nil
}

// modeKind is what a tree entry of mode and type becomes.
func modeKind(mode, typ string) (kind, error) {
	want := "blob"
	var k kind
	switch mode {
	case "040000":
		k, want = kindDir, "tree"
	case "100644", "100664":
		k = kindFile
	case "100755":
		k = kindExec
	case "120000":
		k = kindLink
	case "160000":
		k, want = kindSubmodule, "commit"
	default:
		return 0, fmt.Errorf("unknown mode %s", show(mode))
	}
	if typ != want {
		return 0, fmt.Errorf("mode %s of type %s", mode, show(typ))
	}
	return k, nil
}
