package gitrev

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
)

// writer lays entries out below an os.Root of the temporary folder, PATH
// as loc.base, reading blobs from one `git cat-file --batch`.
type writer struct {
	root  *os.Root
	base  string
	label string
	blobs *bufio.Reader   // cat-file's standard output
	made  map[string]kind // rel -> what was written there
}

// write writes entries to tmp (see Extract). An absent PATH (no entry) is
// an empty folder.
func write(ctx context.Context, g *git, loc *location, tmp, label string, entries []entry) error {
	root, err := os.OpenRoot(tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	defer func() { _ = root.Close() }() // a folder handle: nothing to lose
	w := &writer{root: root, base: loc.base, label: label, made: map[string]kind{}}
	if len(entries) == 0 || entries[0].rel != "" {
		if err := root.Mkdir(loc.base, 0o755); err != nil {
			return fmt.Errorf("%s: %w", label, err)
		}
		w.made[""] = kindDir
	}
	var oids []string
	for i := range entries {
		if entries[i].read() {
			oids = append(oids, entries[i].oid)
		}
	}
	if len(oids) == 0 {
		return w.all(ctx, entries)
	}
	return w.withBlobs(ctx, g, loc, oids, entries)
}

// withBlobs starts cat-file, feeds it oids from a goroutine (its output is
// read meanwhile: no deadlock on full pipes) and writes entries.
func (w *writer) withBlobs(ctx context.Context, g *git, loc *location, oids []string, entries []entry) error {
	cmd := g.command(ctx, loc.top, "--git-dir="+loc.gitDir, "cat-file", "--batch")
	stderr := &headBuffer{}
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("%s: %w", w.label, err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("%s: %w", w.label, err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w", w.label, err)
	}
	go func() {
		bw := bufio.NewWriter(in)
		for _, oid := range oids {
			if _, err := bw.WriteString(oid + "\n"); err != nil {
				break // git ended: the reader reports why
			}
		}
		_ = bw.Flush() // as above
		_ = in.Close() // end of requests
	}()
	w.blobs = bufio.NewReaderSize(out, 64<<10)
	werr := w.all(ctx, entries)
	if werr != nil {
		_ = cmd.Process.Kill() // stop streaming what will not be written
	}
	err = cmd.Wait()
	switch {
	case werr != nil:
		return werr
	case err != nil:
		return fmt.Errorf("%s: %w", w.label, &runError{err: err, stderr: stderr.firstLine()})
	}
	return nil
}

// all writes every entry in order.
func (w *writer) all(ctx context.Context, entries []entry) error {
	for i := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.one(&entries[i]); err != nil {
			return fmt.Errorf("%s: %w", w.label, err)
		}
	}
	return nil
}

// one writes e, whose folder must have been written as a folder before it
// (so no element of its path is a link) and whose path must be new.
func (w *writer) one(e *entry) error {
	name := w.base
	if e.rel != "" {
		name += "/" + e.rel
		parent := path.Dir(e.rel)
		if parent == "." {
			parent = ""
		}
		if k, ok := w.made[parent]; !ok || k != kindDir {
			return fmt.Errorf("%s: its folder is not a folder of the tree", show(e.rel))
		}
	}
	if _, dup := w.made[e.rel]; dup {
		return fmt.Errorf("%s: listed twice", show(e.rel))
	}
	w.made[e.rel] = e.kind
	switch e.kind {
	case kindDir, kindSubmodule:
		return w.root.Mkdir(name, 0o755)
	case kindLink:
		if e.rel == "" {
			return errors.New("it is a symbolic link in this commit: name the folder it leads to")
		}
		var b strings.Builder
		if err := w.blob(e, &b); err != nil {
			return err
		}
		return w.link(name, b.String())
	}
	return w.file(name, e)
}

func (w *writer) link(name, target string) error {
	if target == "" || strings.ContainsRune(target, 0) {
		return fmt.Errorf("%s: a symbolic link to %s", show(name), show(target))
	}
	return w.root.Symlink(target, name)
}

// file writes a regular file: its blob, or a sparse file of its size when
// it is over the size limit.
func (w *writer) file(name string, e *entry) error {
	perm := os.FileMode(0o644)
	if e.kind == kindExec {
		perm = 0o755
	}
	f, err := w.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if e.sparse {
		err = f.Truncate(e.size)
	} else {
		err = w.blob(e, f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// blob copies the next blob of cat-file's output, which must be e's, to dst.
func (w *writer) blob(e *entry, dst io.Writer) error {
	head, err := w.blobs.ReadString('\n')
	if err != nil {
		return fmt.Errorf("%s: git cat-file ended early: %w", show(e.rel), err)
	}
	f := strings.Fields(head)
	if len(f) != 3 || f[0] != e.oid || f[1] != "blob" || f[2] != strconv.FormatInt(e.size, 10) {
		return fmt.Errorf("%s: git cat-file printed %s for blob %s of %d bytes", show(e.rel), header(f), e.oid, e.size)
	}
	if _, err := io.CopyN(dst, w.blobs, e.size); err != nil {
		return fmt.Errorf("%s: %w", show(e.rel), err)
	}
	if b, err := w.blobs.ReadByte(); err != nil || b != '\n' {
		return fmt.Errorf("%s: git cat-file: no newline after the blob", show(e.rel))
	}
	return nil
}

// header shows what cat-file printed instead of a blob's header: its
// fields when they are an object name and words ("<oid> missing": a
// partial clone's object), else nothing of it, since a line out of step
// may be a file's content (a secret).
func header(f []string) string {
	if len(f) == 0 || len(f) > 3 || !isObjectName(f[0]) {
		return "an unexpected line"
	}
	for _, w := range f[1:] {
		for _, c := range []byte(w) {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				return "an unexpected line"
			}
		}
	}
	return show(strings.Join(f, " "))
}
