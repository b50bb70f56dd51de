package snapshot

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/ulikunitz/xz"

	"github.com/stacklint/stacklint/internal/safefile"
)

// Bounds of an archive read in place (Options.ArchiveBytes and
// Options.ArchiveMembers override them): what a sos report holds is far
// below both, a decompression bomb is stopped at them.
const (
	DefaultArchiveBytes   = 2 << 30 // decompressed bytes read from one archive
	DefaultArchiveMembers = 500_000 // members of one archive
	maxArchiveProblems    = 100     // problems reported per archive; then one that counts the rest
)

// archiveSuffixes are the archive names read in place, with their
// compression ("" for a plain tar).
var archiveSuffixes = []struct{ suffix, comp string }{
	{".tar.xz", "xz"}, {".txz", "xz"}, {".tar.gz", "gz"}, {".tgz", "gz"}, {".tar", ""},
}

// IsArchive reports whether a file name is an archive stacklint reads in
// place (a sos report's .tar.xz, .tar.gz/.tgz, or a plain .tar).
func IsArchive(name string) bool {
	_, ok := archiveCompression(name)
	return ok
}

func archiveCompression(name string) (string, bool) {
	lower := strings.ToLower(name)
	for _, a := range archiveSuffixes {
		if strings.HasSuffix(lower, a.suffix) && len(lower) > len(a.suffix) {
			return a.comp, true
		}
	}
	return "", false
}

// member is one archive member stacklint keeps: its type, the target of a
// link, and the bytes of a file it may read.
type member struct {
	typ  byte // tar.TypeReg, tar.TypeDir, tar.TypeSymlink, ... (a hard link is resolved to its target's type)
	link string
	data []byte
	kept bool // data holds the file (it was small enough and may be read)
	size int64
}

// archive is the members of one archive, by cleaned name (no leading "./"
// or "/"), with the folders their names imply, and what was wrong.
type archive struct {
	shown    string // the archive's path relative to Root ("" when PATH is the archive)
	abs      string // the archive's absolute path
	members  map[string]*member
	repeated map[string]bool
	problems []Problem
	dropped  int // problems over maxArchiveProblems
	limit    int64
	children map[string][]string // member name of a folder -> names below it (childrenOf)
}

// problem records a problem at a member (name "" for the archive itself).
func (a *archive) problem(name, kind, msg string) {
	if len(a.problems) >= maxArchiveProblems {
		a.dropped++
		return
	}
	at := a.shown
	switch {
	case name != "":
		at = join(a.shown, name)
	case at == "": // PATH is the archive: its own name
		at = filepath.Base(a.abs)
	}
	a.problems = append(a.problems, Problem{Path: at, Kind: kind, Msg: msg})
}

// readArchive reads the archive at abs in place, streaming it once: the
// members' names, types and link targets, and the bytes of the members
// that may be read (mayRead), each at most o.MaxFileSize. Everything
// wrong with a member is a problem; a stream that cannot be read to its
// end (corrupt, truncated, or over the bounds) is one problem naming the
// archive, and none of its members is read. follow: the user named the
// archive, so a link to it is followed.
func readArchive(abs, shown string, o Options, follow bool) *archive {
	a := &archive{shown: shown, abs: abs, members: map[string]*member{}, repeated: map[string]bool{}, limit: o.MaxFileSize}
	f, err := openArchive(abs, follow)
	if err != nil {
		kind, msg := readProblem(err)
		a.problem("", kind, strings.TrimSuffix(msg, "; not read")+"; archive not read")
		return a
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	a.read(f, abs, o)
	return a
}

// read reads the archive's stream r (compressed as name says); a stream
// that cannot be read to its end leaves no member and one problem.
func (a *archive) read(r io.Reader, name string, o Options) {
	if err := a.stream(r, name, o); err != nil {
		a.members = map[string]*member{}
		a.problems, a.dropped = nil, 0
		a.problem("", err.kind, err.msg)
	}
}

// openArchive opens an archive file: a regular file only, never blocking,
// not through a link unless follow.
func openArchive(abs string, follow bool) (*os.File, error) {
	flags := os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY
	stat := os.Stat
	if !follow {
		flags |= syscall.O_NOFOLLOW
		stat = os.Lstat
	}
	fi, err := stat(abs)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &safefile.NotRegularError{Path: abs, Type: safefile.Describe(fi.Mode())}
	}
	f, err := os.OpenFile(abs, flags, 0)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		_ = f.Close()
		return nil, &safefile.NotRegularError{Path: abs, Type: "file that changed while opened"}
	}
	return f, nil
}

// streamError is why an archive was not read.
type streamError struct{ kind, msg string }

// errBound is the error of a stream that decompressed more than allowed.
var errBound = errors.New("decompressed size bound reached")

// bounded counts the bytes a decompressor yields and fails past max.
type bounded struct {
	r    io.Reader
	n    int64
	max  int64
	over bool
}

func (b *bounded) Read(p []byte) (int, error) {
	if b.n >= b.max {
		b.over = true
		return 0, errBound
	}
	if rest := b.max - b.n; int64(len(p)) > rest {
		p = p[:rest]
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	return n, err
}

// stream reads the tar stream of f (decompressed as its name says).
func (a *archive) stream(f io.Reader, name string, o Options) *streamError {
	comp, _ := archiveCompression(name)
	r := f
	switch comp {
	case "gz":
		z, err := gzip.NewReader(f)
		if err != nil {
			return &streamError{ProblemUnreadable, "cannot be read as a gzip-compressed archive: " + err.Error() + "; archive not read"}
		}
		r = z
	case "xz":
		br := bufio.NewReader(f)
		if err := checkXZDict(br); err != nil {
			return err
		}
		z, err := xz.NewReader(br)
		if err != nil {
			return &streamError{ProblemUnreadable, "cannot be read as an xz-compressed archive: " + err.Error() + "; archive not read"}
		}
		r = z
	}
	maxBytes, maxMembers := o.archiveBounds()
	b := &bounded{r: r, max: maxBytes}
	tr := tar.NewReader(b)
	for count := 0; ; count++ {
		h, err := tr.Next()
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case b.over:
			return &streamError{ProblemTooLarge, fmt.Sprintf("decompresses to more than %s (a decompression bomb? --max-archive-size raises the bound); archive not read", safefile.FormatSize(maxBytes))}
		case err != nil:
			return &streamError{ProblemUnreadable, "cannot be read as a tar archive: " + errText(err) + "; archive not read"}
		case count >= maxMembers:
			return &streamError{ProblemTooLarge, fmt.Sprintf("holds more than %d members; archive not read", maxMembers)}
		}
		if err := a.add(h, tr); err != nil {
			if b.over {
				return &streamError{ProblemTooLarge, fmt.Sprintf("decompresses to more than %s (a decompression bomb? --max-archive-size raises the bound); archive not read", safefile.FormatSize(maxBytes))}
			}
			return &streamError{ProblemUnreadable, "cannot be read as a tar archive: " + errText(err) + "; archive not read"}
		}
	}
}

// archiveBounds are the bounds of an archive read.
func (o Options) archiveBounds() (bytes int64, members int) {
	bytes, members = o.ArchiveBytes, o.ArchiveMembers
	if bytes <= 0 {
		bytes = DefaultArchiveBytes
	}
	if members <= 0 {
		members = DefaultArchiveMembers
	}
	return bytes, members
}

// memberName cleans a member's name; ok is false for a name that is
// absolute or climbs out with "..", which no member may have.
func memberName(raw string) (string, bool) {
	n := strings.TrimPrefix(raw, "./")
	if strings.HasPrefix(n, "/") || n == "" {
		return n, false
	}
	for _, part := range strings.Split(strings.TrimSuffix(n, "/"), "/") {
		if part == ".." {
			return n, false
		}
	}
	return path.Clean(n), true
}

// add records one member, reading its bytes when it may be read.
func (a *archive) add(h *tar.Header, tr io.Reader) error {
	name, ok := memberName(h.Name)
	if !ok {
		a.problem("", ProblemUnreadable, fmt.Sprintf("member %q: an absolute name or one with \"..\" would be written outside the folder the archive is unpacked in; not read", h.Name))
		return nil
	}
	if name == "." {
		return nil
	}
	if _, dup := a.members[name]; dup || a.repeated[name] {
		if h.Typeflag != tar.TypeDir || a.members[name] == nil || a.members[name].typ != tar.TypeDir {
			a.problem(name, ProblemUnreadable, "appears more than once in the archive (which copy counts depends on the tool that unpacks it); not read")
			delete(a.members, name)
			a.repeated[name] = true
		}
		return nil
	}
	m := &member{typ: h.Typeflag, link: h.Linkname, size: h.Size}
	switch h.Typeflag {
	case tar.TypeReg: // tar.Reader reads the old TypeRegA as TypeReg
		if a.mayRead(name) && h.Size <= a.limit {
			data, err := safefileRead(tr, h.Size)
			if err != nil {
				return err
			}
			m.data, m.kept = data, true
		}
	case tar.TypeLink:
		if !a.hardLink(name, m) {
			return nil // the problem is recorded; the stream goes on
		}
	}
	a.members[name] = m
	a.addParents(name)
	return nil
}

// safefileRead reads a member's size bytes.
func safefileRead(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, size)
	_, err := io.ReadFull(r, b)
	return b, err
}

// hardLink makes m a copy of the earlier regular member it links to; a
// hard link to anything else (a later member, a folder, a name outside
// the archive) is a problem at the link.
func (a *archive) hardLink(name string, m *member) bool {
	target, ok := memberName(m.link)
	prev := a.members[target]
	if !ok || prev == nil || prev.typ != tar.TypeReg {
		if a.mayRead(name) {
			a.problem(name, ProblemLink, fmt.Sprintf("hard link to %q: no earlier file of the archive has that name; not read", m.link))
		}
		return false
	}
	m.typ, m.size, m.link = tar.TypeReg, prev.size, ""
	m.data, m.kept = prev.data, prev.kept // a target not kept leaves the link unread too
	return true
}

// addParents records the folders a member's name implies (archives need
// not list them).
func (a *archive) addParents(name string) {
	for d := path.Dir(name); d != "." && d != "/"; d = path.Dir(d) {
		if _, ok := a.members[d]; ok {
			return
		}
		if a.repeated[d] {
			return
		}
		a.members[d] = &member{typ: tar.TypeDir}
	}
}

// mayRead reports whether stacklint may read the member: its name, below
// the archive's top or below its first folder (a sos report's
// sosreport-<host>-<date>/), is a path stacklint reads or a host name
// file of a sos report, or an rc file name.
func (a *archive) mayRead(name string) bool {
	cands := []string{name}
	if _, rest, ok := strings.Cut(name, "/"); ok {
		cands = append(cands, rest)
	}
	for _, p := range cands {
		if Classify(p) != "" || isSosHostnameFile(p) || leftoverOf(p) != "" || containerMember(p) {
			return true
		}
	}
	return rcName(path.Base(name)) != rcNot
}

func isSosHostnameFile(p string) bool {
	for _, h := range sosHostnameFiles {
		if p == h {
			return true
		}
	}
	return false
}
