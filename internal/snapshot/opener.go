package snapshot

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// maxChain bounds the folders an opener keeps open (per worker); a folder
// deeper than that below the snapshot folder is opened from the deepest
// one in one call.
const maxChain = 16

// opener opens folders of the snapshot through the snapshot folder's
// os.Root, keeping the chain of folders it opened last open: the next
// folder below one of them is opened from there, one step per folder,
// instead of from the snapshot folder with every step of its path again.
// Every step is an os.Root step (no link leads out of the folder it is
// taken from); when a step fails, the folder is opened from the snapshot
// folder in one call, as readFolder always did, so that a failure is
// worded the same.
type opener struct {
	top   *os.Root // the snapshot folder (nil: not open, every open fails)
	chain []openFolder
}

// openFolder is a folder of an opener's chain: each is below the one before.
type openFolder struct {
	dir  string // relative to the snapshot folder, '/'-separated
	root *os.Root
}

// open returns the folder dir (relative to the snapshot folder, "" for
// itself); owned says the caller closes it (it is not in the chain).
func (o *opener) open(dir string) (root *os.Root, owned bool, err error) {
	if o.top == nil {
		return nil, false, &fs.PathError{Op: "open", Path: dir, Err: errors.New("snapshot folder not open")}
	}
	o.keepAbove(dir)
	base, at := o.top, ""
	if n := len(o.chain); n > 0 {
		base, at = o.chain[n-1].root, o.chain[n-1].dir
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(dir, at), "/")
	for rest != "" && len(o.chain) < maxChain {
		name, more, _ := strings.Cut(rest, "/")
		sub, err := base.OpenRoot(name)
		if err != nil {
			return o.fromTop(dir)
		}
		at = join(at, name)
		o.chain = append(o.chain, openFolder{dir: at, root: sub})
		base, rest = sub, more
	}
	if rest == "" {
		return base, false, nil
	}
	if sub, err := base.OpenRoot(rest); err == nil {
		return sub, true, nil
	}
	return o.fromTop(dir)
}

// fromTop opens dir from the snapshot folder in one call.
func (o *opener) fromTop(dir string) (*os.Root, bool, error) {
	sub, err := o.top.OpenRoot(dir)
	return sub, err == nil, err
}

// keepAbove closes the folders of the chain that are not dir or above it.
func (o *opener) keepAbove(dir string) {
	for n := len(o.chain); n > 0; n = len(o.chain) {
		if c := o.chain[n-1].dir; dir == c || strings.HasPrefix(dir, c+"/") {
			return
		}
		_ = o.chain[n-1].root.Close() // read only: nothing to lose
		o.chain = o.chain[:n-1]
	}
}

// close closes every folder of the chain.
func (o *opener) close() { o.keepAbove("\x00") }
