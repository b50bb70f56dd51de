package model

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// TestFileVanishedAfterDiscovery: a file removed between discovery and
// parsing is still parsed (its bytes were read at discovery), never
// reported as a file the service cannot parse.
func TestFileVanishedAfterDiscovery(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("[DEFAULT]\ndebug = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := snapshot.Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	d := Build(s)
	if len(d.Files) != 1 || d.Files[0].Err != nil || d.Files[0].INI == nil {
		t.Fatalf("nova.conf after removal: %+v", d.Files[0])
	}
}

// TestLoadSurvivesParserPanic: a parser that panics on one file makes that
// file's error, with nothing of the file in it; the run goes on.
func TestLoadSurvivesParserPanic(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nova.conf")
	if err := os.WriteFile(p, []byte("[DEFAULT]\nsecret_value_here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("STACKLINT_DEBUG", "")
	l := loadWith(&snapshot.File{Path: "n/etc/nova/nova.conf", Abs: p}, func(*Loaded, []byte) { panic("secret_value_here") })
	if l.Err == nil || l.Err.Msg != internalError {
		t.Fatalf("got %+v", l.Err)
	}
}

// TestLoadContext: a done context hands out no file and says why; a live
// one reads them all.
func TestLoadContext(t *testing.T) {
	dir := t.TempDir()
	var files []*snapshot.File
	for _, name := range []string{"a.conf", "b.conf", "c.conf"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("[DEFAULT]\na = 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := snapshot.ReadLone(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := LoadContext(ctx, files)
	if !errors.Is(err, context.Canceled) || len(out) != 3 {
		t.Errorf("cancelled: %v, %d results", err, len(out))
	}
	out, err = LoadContext(context.Background(), files)
	if err != nil || out[2] == nil || out[2].INI == nil {
		t.Errorf("live: %v, %+v", err, out)
	}
}
