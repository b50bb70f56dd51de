package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNonUTF8FileName: a finding on a file whose name is not UTF-8 names
// that file, not one with U+FFFD in its name: \xff in text, %FF in SARIF.
func TestNonUTF8FileName(t *testing.T) {
	snap := t.TempDir()
	p := filepath.Join(snap, "n\xff", "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, "[DEFAULT]\nno assignment here\n")
	if out := run("--format", "text", snap); !strings.Contains(out, `n\xff/etc/nova/nova.conf:2`) {
		t.Errorf("text:\n%s", out)
	}
	if out := run("--format", "sarif", snap); !strings.Contains(out, `"file://`+snap+`/n%FF/etc/nova/nova.conf"`) { // outside the working directory: a file: URI
		t.Errorf("sarif:\n%s", out)
	}
}
