// Package safefile is the one way stacklint opens an input file: a snapshot
// file, an rc candidate, etc/hostname, .stacklint.yaml or a baseline. An
// input tree is hostile until proven otherwise, so a read never blocks and
// never reads without bound:
//
//   - the path is opened with O_RDONLY|O_NONBLOCK|O_NOCTTY|O_CLOEXEC, and
//     O_NOFOLLOW unless the caller named the file itself (Follow);
//   - the opened descriptor is fstat'ed and anything but a regular file is
//     refused with a NotRegularError naming what it is (named pipe,
//     character device, ...): the type is decided on the descriptor that is
//     read, so there is no window between a check and the open. An lstat
//     before the open spares devices and pipes from being opened at all;
//   - at most limit+1 bytes are read through io.LimitReader, and a file over
//     the limit is a TooLargeError (never a silent truncation).
//
// Directories are opened the same way (O_DIRECTORY|O_NOFOLLOW) by ReadDir,
// which also returns the directory's identity (device, inode) for loop
// detection. Unix only (Linux is what stacklint runs on).
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
)

// DefaultLimit is the size limit of a snapshot file unless --max-file-size
// or max_file_size says otherwise: 8 MiB, far above any OpenStack
// configuration file (the largest sample nova.conf is ~0.5 MiB).
const DefaultLimit int64 = 8 << 20

// NotRegularError is a path that is not a regular file.
type NotRegularError struct {
	Path string
	Type string // what it is: "named pipe (FIFO)", "character device", "directory", ...
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: is a %s, not a regular file", e.Path, e.Type)
}

// TooLargeError is a regular file larger than the limit; it was not read.
type TooLargeError struct {
	Path  string
	Size  int64 // bytes, as fstat reported them (or as read, when the file grew)
	Limit int64 // bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: is %s, over the size limit of %s", e.Path, HumanSize(e.Size), FormatSize(e.Limit))
}

// ID identifies a file on this machine: device and inode number.
type ID struct{ Dev, Ino uint64 }

// Read returns the content of the regular file at path, refusing a
// symbolic link as its last element, anything but a regular file
// (*NotRegularError) and more than limit bytes (*TooLargeError). Other
// errors are *fs.PathError (fs.ErrNotExist when the file vanished,
// fs.ErrPermission, ...).
func Read(path string, limit int64) ([]byte, error) {
	return read(path, limit, false)
}

// Follow is Read for a file the user named (--config, --baseline, a lone
// file given to inspect): a symbolic link as its last element is followed.
func Follow(path string, limit int64) ([]byte, error) {
	return read(path, limit, true)
}

// ReadIn is Read of the file at rel (a '/'-separated path below root)
// opened through root, so that no element of rel can lead outside root even
// when the tree changes while it is read (a folder swapped for a link out of
// the snapshot after the walk resolved the path: os.Root refuses it).
func ReadIn(root *os.Root, rel string, limit int64) ([]byte, error) {
	if limit <= 0 || limit == 1<<63-1 {
		return nil, fmt.Errorf("%s: invalid size limit %d", rel, limit)
	}
	if fi, err := root.Lstat(rel); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: rel, Type: Describe(fi.Mode())}
	}
	f, err := root.OpenFile(rel, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			return nil, &NotRegularError{Path: rel, Type: "symbolic link"}
		}
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	return readOpen(f, rel, limit)
}

func read(path string, limit int64, follow bool) ([]byte, error) {
	if limit <= 0 || limit == 1<<63-1 {
		return nil, fmt.Errorf("%s: invalid size limit %d", path, limit)
	}
	stat, flags := os.Lstat, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC|syscall.O_NOFOLLOW
	if follow {
		stat, flags = os.Stat, flags&^syscall.O_NOFOLLOW
	}
	if fi, err := stat(path); err != nil {
		return nil, err
	} else if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Type: Describe(fi.Mode())}
	}
	fd, err := open(path, flags)
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), path)
	defer func() { _ = f.Close() }() // read only: nothing to lose
	return readOpen(f, path, limit)
}

// readOpen checks an opened file (a regular file, within limit) and reads
// at most limit bytes of it.
func readOpen(f *os.File, path string, limit int64) ([]byte, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil {
		return nil, &fs.PathError{Op: "fstat", Path: path, Err: err}
	}
	if mode := fileMode(st.Mode); !mode.IsRegular() {
		return nil, &NotRegularError{Path: path, Type: Describe(mode)}
	}
	if st.Size > limit {
		return nil, &TooLargeError{Path: path, Size: st.Size, Limit: limit}
	}
	b, err := readAll(io.LimitReader(f, limit+1), st.Size)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: unwrap(err)}
	}
	if int64(len(b)) > limit { // it grew while being read
		return nil, &TooLargeError{Path: path, Size: int64(len(b)), Limit: limit}
	}
	return b, nil
}

// readAll reads r to its end into a slice of size+1 bytes, grown only when
// the file holds more than its size said: a file is held in as many bytes
// as it has (bytes.Buffer.ReadFrom doubled the slice at the end of every
// file to look for more, so each file cost twice its size and more).
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case errors.Is(err, io.EOF):
			return b, nil
		case err != nil:
			return nil, err
		case len(b) == cap(b):
			b = slices.Grow(b, len(b)) // it grew since fstat
		}
	}
}

// open retries an open interrupted by a signal.
func open(path string, flags int) (int, error) {
	for {
		fd, err := syscall.Open(path, flags, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if errors.Is(err, syscall.ELOOP) && flags&syscall.O_NOFOLLOW != 0 {
			return -1, &NotRegularError{Path: path, Type: "symbolic link"}
		}
		if err != nil {
			return -1, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return fd, nil
	}
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadDir lists the directory at path, sorted by name, without following a
// symbolic link as its last element, and returns its identity.
//
// The folder is opened by os.OpenFile (O_CLOEXEC and the retry on EINTR
// are its own), which knows from the flags that the descriptor does not
// block: os.NewFile on a bare descriptor asks the kernel again (fcntl),
// once per folder of the snapshot.
func ReadDir(path string) ([]os.DirEntry, ID, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_DIRECTORY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if errors.Is(err, syscall.ELOOP) {
		return nil, ID{}, &NotRegularError{Path: path, Type: "symbolic link"}
	}
	if err != nil {
		return nil, ID{}, err
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	fi, err := f.Stat()
	if err != nil {
		return nil, ID{}, err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil, ID{}, &fs.PathError{Op: "fstat", Path: path, Err: errors.ErrUnsupported}
	}
	entries, err := f.ReadDir(-1)
	if err != nil {
		return nil, ID{}, err
	}
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, idOf(st), nil
}

// IDOf returns the identity of the file at path, following links.
func IDOf(path string) (ID, error) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return ID{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	return idOf(&st), nil
}

func idOf(st *syscall.Stat_t) ID {
	return ID{Dev: uint64(st.Dev), Ino: st.Ino} //nolint:unconvert // Dev is not uint64 on every Unix
}

// fileMode converts a stat mode's type bits to an fs.FileMode.
func fileMode(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	}
	return fs.ModeIrregular
}

// Describe names the type of a file mode for a message.
func Describe(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "regular file"
	case m&fs.ModeDir != 0:
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	}
	return "special file"
}
