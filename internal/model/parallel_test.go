package model

import (
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// TestBuildAcrossProcessors: the nodes' documents are built in parallel
// (nodeDocs), each with a fork of the keyring; the document and every
// label the keyring holds come out the same with one processor or eight,
// on the bundled deployments, seeds, demo and scenarios.
func TestBuildAcrossProcessors(t *testing.T) {
	var dirs []string
	for _, pattern := range []string{"deployments/*", "seeds/*", "demo", "scenarios/*"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", pattern))
		dirs = append(dirs, m...)
	}
	if len(dirs) < 10 {
		t.Fatalf("only %d snapshots found", len(dirs))
	}
	build := func(dir string, procs int) *Deployment {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s, err := snapshot.Discover(dir)
		if err != nil {
			t.Fatal(err)
		}
		return Build(s)
	}
	for _, dir := range dirs {
		one, eight := build(dir, 1), build(dir, 8)
		if !reflect.DeepEqual(one.Plain(), eight.Plain()) {
			t.Errorf("%s: the documents differ between GOMAXPROCS=1 and =8", dir)
		}
		if a, b := one.Keys.Redact(secretForms(one)), eight.Keys.Redact(secretForms(one)); a != b {
			t.Errorf("%s: the keyrings label differently:\n%s\n%s", dir, a, b)
		}
	}
}

// secretForms is a text holding every value of every file, one a line, so
// that Redact shows each label the keyring holds.
func secretForms(d *Deployment) string {
	var out []byte
	for _, f := range d.Files {
		if f.INI == nil {
			continue
		}
		for _, s := range f.INI.Sections {
			for _, k := range s.Keys {
				for _, v := range k.Values {
					out = append(out, v.Text+"\n"...)
				}
			}
		}
	}
	return string(out)
}
