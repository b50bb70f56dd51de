package gitrev

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// location is where PATH lies in its repository.
type location struct {
	top    string // the working tree's top (git rev-parse --show-toplevel)
	gitDir string // its git directory (--absolute-git-dir)
	prefix string // PATH relative to top, '/'-separated, no trailing '/' ("" for top)
	base   string // PATH's base name: the name of Tree.Dir
	exists bool   // PATH exists in the working tree
}

// shownPrefix is the prefix as a label shows it ("." for the top).
func (l *location) shownPrefix() string {
	if l.prefix == "" {
		return "."
	}
	return l.prefix
}

// locate finds the repository holding path from path's nearest existing
// folder (path itself, its folder when it is a file, or an ancestor when
// it is absent from the working tree).
func locate(ctx context.Context, g *git, path string) (*location, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", show(path), err)
	}
	start, rest, err := nearestFolder(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", show(path), err)
	}
	loc := &location{base: baseName(abs), exists: exists(abs)}
	if loc.top, err = g.output(ctx, start, "rev-parse", "--show-toplevel"); err != nil {
		return nil, fmt.Errorf("%s is not in a git working tree (%w)", show(path), err)
	}
	if loc.gitDir, err = g.output(ctx, start, "rev-parse", "--absolute-git-dir"); err != nil {
		return nil, fmt.Errorf("%s: %w", show(path), err)
	}
	prefix, err := g.output(ctx, start, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", show(path), err)
	}
	loc.prefix = strings.TrimSuffix(strings.Join(append([]string{strings.TrimSuffix(prefix, "/")}, rest...), "/"), "/")
	loc.prefix = strings.TrimPrefix(loc.prefix, "/")
	return loc, nil
}

// nearestFolder is the nearest existing folder of abs (following links, as
// the user named abs) and the elements from it to abs: none when abs is a
// folder, its name when abs is a file.
func nearestFolder(abs string) (string, []string, error) {
	var rest []string
	for dir := abs; ; {
		fi, err := os.Stat(dir)
		switch {
		case err == nil && fi.IsDir():
			return dir, rest, nil
		case err == nil || errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
			parent := filepath.Dir(dir)
			if parent == dir {
				return "", nil, errors.New("no folder of it exists")
			}
			rest = append([]string{filepath.Base(dir)}, rest...)
			dir = parent
		default:
			return "", nil, err
		}
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// baseName is the name Tree.Dir takes: PATH's base name ("snapshot" for
// the file-system root, which has none).
func baseName(abs string) string {
	if b := filepath.Base(abs); b != "/" && b != "." {
		return b
	}
	return "snapshot"
}

// verifyCommit resolves rev to the full name of a commit of the repository
// at loc. A REV starting with '-' is not a commit (no ref name starts so),
// and rev is never taken as an option (--end-of-options, and the ^{commit}
// suffix: git 2.30 and later).
func (g *git) verifyCommit(ctx context.Context, loc *location, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return "", fmt.Errorf("REV %s is not a commit of %s", show(rev), loc.top)
	}
	out, err := g.output(ctx, loc.top, "--git-dir="+loc.gitDir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if exitCode(err) == 1 {
			return "", fmt.Errorf("REV %s is not a commit of %s", show(rev), loc.top)
		}
		return "", fmt.Errorf("REV %s of %s: %w", show(rev), loc.top, err)
	}
	if !isObjectName(out) {
		return "", fmt.Errorf("REV %s of %s: git rev-parse printed %s", show(rev), loc.top, show(out))
	}
	return out, nil
}

// isObjectName tells a full object name: 40 (SHA-1) or 64 (SHA-256)
// lower-case hexadecimal digits.
func isObjectName(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
