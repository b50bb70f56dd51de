// Package model reads every file of a snapshot, parses it and builds the one
// document the Rego rules evaluate, with derived facts computed once in Go.
package model

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/cephconf"
	"github.com/stacklint/stacklint/parser/directive"
	"github.com/stacklint/stacklint/parser/hosts"
	"github.com/stacklint/stacklint/parser/netif"
	"github.com/stacklint/stacklint/parser/oslo"
	"github.com/stacklint/stacklint/parser/policyfile"
	"github.com/stacklint/stacklint/parser/shellrc"
	"github.com/stacklint/stacklint/parser/sos"
)

// Loaded is one snapshot file with its parse result.
type Loaded struct {
	*snapshot.File
	INI        *oslo.File
	RC         *shellrc.File
	Policy     *policyfile.File
	Hosts      []hosts.Entry
	Addrs      []netif.Addr          // interface configuration files
	Links      []netif.Link          // interface files and command outputs (ip -d address, ovs-vsctl show)
	CPU        sos.CPU               // proc/cpuinfo
	Text       string                // hostname files
	Directives []directive.Directive // host files (sysctl, httpd, my.cnf, ...)
	Hidden     directive.Hidden      // httpd: what sections nested too deep hold
	Ceph       *cephconf.File        // ceph.conf and keyrings (secrets: fingerprints only, see ceph.go)
	Ignores    []Ignore              // stacklint:ignore comments (INI and rc files)
	Err        *FileError
	sum        [32]byte
}

// FileError is a file stacklint (or the service) cannot read.
type FileError struct {
	Line, Column int
	Msg          string // never quotes the file's text beyond syntax tokens
	// Exact is the consumer's own wording, which may quote a line holding
	// a secret: shown only by inspect --show-secrets ("" when Msg is it).
	Exact  string
	Decode bool // invalid UTF-8: the service dies with a traceback
}

// Load parses files in parallel (their bytes were read at discovery); the
// order of the result is the order of the input.
func Load(files []*snapshot.File) []*Loaded {
	out, _ := LoadContext(context.Background(), files)
	return out
}

// LoadContext is Load that hands out no more files once ctx is done: it
// then returns ctx's error, and the files not read are nil in the result.
func LoadContext(ctx context.Context, files []*snapshot.File) ([]*Loaded, error) {
	out := make([]*Loaded, len(files))
	tables := hostTables{m: map[[32]byte][]hosts.Entry{}}
	parse := func(l *Loaded, data []byte) {
		if l.Kind == snapshot.KindHosts {
			l.Hosts = tables.parse(l.sum, data)
			return
		}
		l.parse(data)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = loadWith(files[i], parse)
			}
		})
	}
	done := ctx.Done()
handOut:
	for i := range files {
		select {
		case next <- i:
		case <-done:
			break handOut
		}
	}
	close(next)
	wg.Wait()
	return out, ctx.Err()
}

// internalError is the error of a file a parser panicked on: the other
// files are still read, and the message quotes nothing of the file.
const internalError = "stacklint failed on this file (an internal error; rerun with STACKLINT_DEBUG=1 for details and please report it)"

// hostTables parses each distinct /etc/hosts once (by digest): the nodes
// of a fleet that share one file share its entries, which no one changes.
type hostTables struct {
	mu sync.Mutex
	m  map[[32]byte][]hosts.Entry
}

// parse is the entries of the hosts file of digest sum and content data.
func (t *hostTables) parse(sum [32]byte, data []byte) []hosts.Entry {
	t.mu.Lock()
	e, ok := t.m[sum]
	t.mu.Unlock()
	if ok {
		return e
	}
	e = hosts.Parse(data)
	t.mu.Lock()
	t.m[sum] = e
	t.mu.Unlock()
	return e
}

// loadWith parses one file with parse. Its bytes were read at discovery
// (snapshot reads every file once, through internal/safefile): a file that
// could not be read is a snapshot problem, not in the list, never a parse
// error. A parser panic becomes the file's
// error, unless STACKLINT_DEBUG is set (then it panics on).
func loadWith(f *snapshot.File, parse func(*Loaded, []byte)) (l *Loaded) {
	defer func() {
		if r := recover(); r != nil {
			if os.Getenv("STACKLINT_DEBUG") != "" {
				panic(r)
			}
			l = &Loaded{File: f, Err: &FileError{Line: 1, Column: 1, Msg: internalError}}
		}
	}()
	l = &Loaded{File: f}
	data := f.Data()
	l.sum = f.Sum()
	parse(l, data)
	if l.INI != nil || l.RC != nil {
		l.Ignores = ignores(data)
	}
	return l
}

// parse dispatches on the file kind.
func (l *Loaded) parse(data []byte) {
	switch l.Kind {
	case snapshot.KindHosts:
		l.Hosts = hosts.Parse(data)
	case snapshot.KindHostname:
		l.Text = string(data)
	case snapshot.KindRC:
		rc, err := shellrc.Parse(data)
		var se *shellrc.Error
		if errors.As(err, &se) {
			l.Err = &FileError{Line: se.Line, Column: se.Column, Msg: "shell syntax error: " + safeMessage(se.Msg), Exact: "shell syntax error: " + se.Msg}
		}
		l.RC = rc
	case snapshot.KindPolicy:
		p, err := policyfile.Parse(data)
		var pe *policyfile.Error
		if errors.As(err, &pe) {
			l.Err = &FileError{Line: pe.Line, Column: pe.Column, Msg: safeMessage(pe.Msg), Exact: pe.Msg}
		}
		l.Policy = p
	case snapshot.KindKeyFile:
		l.Text = strings.TrimSpace(string(data)) // fingerprinted in the document, never shown
	case snapshot.KindInitDefault:
		// read again with the init script's variables by processfiles.go;
		// only its --config-file/--config-dir paths reach the document
		l.Text = string(data)
	case snapshot.KindNetif, snapshot.KindSosIPAddress, snapshot.KindSosOVSShow, snapshot.KindCpuinfo:
		l.parseHostFacts(data)
	case snapshot.KindHTTPD:
		l.Directives, l.Hidden = directive.ParseHTTPD(data)
	case snapshot.KindCephConf, snapshot.KindCephKeyring:
		l.Ceph = cephconf.Parse(data)
	case snapshot.KindContainerConfig:
		if ft := l.Fault; ft != nil {
			l.Err = &FileError{Line: ft.Line, Column: ft.Column, Msg: ft.Msg, Exact: ft.Msg}
		}
	default:
		if ds, ok := parseDirectives(l.File, data); ok {
			l.Directives = ds
			return
		}
		l.INI, l.Err = ParseINI(data)
	}
}

// parseHostFacts reads the files that describe the machine rather than a
// service: interface files and the sos report's command outputs
// (parser/netif, parser/sos).
func (l *Loaded) parseHostFacts(data []byte) {
	switch l.Kind {
	case snapshot.KindNetif:
		l.Addrs = netif.Parse(snapshot.NetifFormat(l.NodePath), data)
		l.Links = netif.ParseLinks(snapshot.NetifFormat(l.NodePath), path.Base(l.NodePath), data)
	case snapshot.KindSosIPAddress:
		l.Links = sos.ParseIPAddress(data)
	case snapshot.KindSosOVSShow:
		l.Links = sos.ParseOVSShow(data)
	case snapshot.KindCpuinfo:
		l.CPU = sos.ParseCPUInfo(data)
	}
}

// ParseINI parses oslo.config INI data and turns a parse error into a
// FileError worded as oslo.config words it.
func ParseINI(data []byte) (*oslo.File, *FileError) {
	f, err := oslo.Parse(data)
	var pe *oslo.ParseError
	if errors.As(err, &pe) {
		return nil, &FileError{Line: pe.Line, Column: 1, Msg: safeParseMessage(pe), Exact: pe.Msg, Decode: pe.Decode}
	}
	return f, nil
}

// Digest is a digest of every file's path and content: the key of the
// snapshot's fingerprints.
func Digest(files []*Loaded) []byte {
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.sum[:])
	}
	return h.Sum(nil)
}

// SnapshotDigest is a digest of every file's path and content as
// discovered (before parsing), in path order: what diff keys the
// fingerprints of two snapshots by.
func SnapshotDigest(s *snapshot.Snapshot) []byte {
	var all []*snapshot.File
	for _, n := range s.Nodes {
		all = append(all, n.Files...)
	}
	all = append(all, s.Loose...)
	sort.Slice(all, func(i, j int) bool { return all[i].Path < all[j].Path })
	h := sha256.New()
	for _, f := range all {
		sum := f.Sum()
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(sum[:])
	}
	return h.Sum(nil)
}
