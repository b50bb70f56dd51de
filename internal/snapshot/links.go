package snapshot

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	securejoin "github.com/cyphar/filepath-securejoin"
)

// chroot resolves the paths a node's symbolic links name as the node itself
// would, with the node's root as "/": an absolute link such as the install
// guides' plugin.ini -> /etc/neutron/plugins/ml2/ml2_conf.ini leads to the
// node's own ml2_conf.ini, and ".." stops at the node's root, so no link
// leads out of its node (github.com/cyphar/filepath-securejoin's
// SecureJoinVFS does the resolution through this VFS).
type chroot struct {
	dir string // real path of the node's "/" (of its /etc when etc is set)
	etc bool   // PATH is an /etc itself: /etc/... is dir/..., nothing else exists
}

// real maps a path of the node ("/etc/hosts", "etc/hosts") to the file of
// the snapshot; ok is false when the snapshot cannot hold it.
func (c chroot) real(nodePath string) (string, bool) {
	p := path.Clean("/" + nodePath)
	if !c.etc {
		return filepath.Join(c.dir, filepath.FromSlash(p)), true
	}
	if rest, ok := strings.CutPrefix(p, "/etc"); ok && (rest == "" || rest[0] == '/') {
		return filepath.Join(c.dir, filepath.FromSlash(rest)), true
	}
	return "", false
}

// Lstat implements securejoin.VFS.
func (c chroot) Lstat(name string) (os.FileInfo, error) {
	r, ok := c.real(name)
	if !ok {
		return nil, outside("lstat", name)
	}
	return os.Lstat(r)
}

// Readlink implements securejoin.VFS.
func (c chroot) Readlink(name string) (string, error) {
	r, ok := c.real(name)
	if !ok {
		return "", outside("readlink", name)
	}
	return os.Readlink(r)
}

// outside is the error of a path the snapshot cannot hold: it does not exist.
func outside(op, name string) error {
	return &fs.PathError{Op: op, Path: name, Err: syscall.ENOENT}
}

// target is where a node path leads once every link on it is followed.
type target struct {
	real string      // the file of the snapshot ("" when not in the snapshot)
	node string      // the path in the node, "/etc/neutron/plugins/ml2/ml2_conf.ini"
	info os.FileInfo // of real (nil when not in the snapshot)
}

// resolve follows every symbolic link on nodePath inside the node. The
// error is a link loop (errors.Is syscall.ELOOP) or a path that cannot be
// examined (permission); a target the snapshot does not hold has info nil.
func (c chroot) resolve(nodePath string) (target, error) {
	v, err := securejoin.SecureJoinVFS("/", nodePath, c)
	if err != nil {
		return target{}, err
	}
	t := target{node: filepath.ToSlash(v)}
	r, ok := c.real(v)
	if !ok {
		return t, nil
	}
	fi, err := os.Lstat(r)
	switch {
	case err == nil:
		t.real, t.info = r, fi
	case !securejoin.IsNotExist(err):
		return t, err
	}
	return t, nil
}

// isDir reports whether nodePath leads to a directory inside the node.
func (c chroot) isDir(nodePath string) bool {
	t, err := c.resolve(nodePath)
	return err == nil && t.info != nil && t.info.IsDir()
}

// isLoop reports whether err is a symbolic link loop.
func isLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP)
}
