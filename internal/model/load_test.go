package model

import (
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
