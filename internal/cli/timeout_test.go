package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// snapshotDir writes a one-node snapshot with a nova.conf.
func snapshotDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("[DEFAULT]\ndebug = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestTimeout: a run that exceeds --timeout exits 2 with one line naming
// the limit and the phase, and prints no report, in every format and for
// inspect; a generous or no limit changes nothing. (A 1ns limit has passed
// before the first phase starts, so the phase named is the first.)
func TestTimeout(t *testing.T) {
	dir := snapshotDir(t)
	cases := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"--timeout", "1ns", dir}, ExitUsage, "stacklint: run exceeded --timeout of 1ns while compiling the rules\n"},
		{[]string{"lint", "--timeout", "1ns", "--format", "sarif", dir}, ExitUsage, "stacklint: run exceeded --timeout of 1ns while compiling the rules\n"},
		{[]string{"lint", "--timeout", "1ns", "--output", filepath.Join(dir, "out.json"), dir}, ExitUsage, "stacklint: run exceeded --timeout of 1ns while compiling the rules\n"},
		{[]string{"inspect", "--timeout", "1ns", dir}, ExitUsage, "stacklint: run exceeded --timeout of 1ns while discovering files\n"},
		{[]string{"--timeout", "10m", "--fail-level", "none", dir}, ExitOK, ""},
		{[]string{"lint", "--timeout", "0", "--fail-level", "none", dir}, ExitOK, ""},
		{[]string{"inspect", "--timeout", "0", dir}, ExitOK, ""},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		code := Execute(context.Background(), c.args, BuildInfo{}, IO{Out: &out, Err: &errb})
		if code != c.code || errb.String() != c.err {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, code, errb.String(), c.code, c.err)
		}
		if (c.code == ExitUsage) != (out.Len() == 0) {
			t.Errorf("%v: %d bytes of output", c.args, out.Len())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); !os.IsNotExist(err) {
		t.Errorf("--output file written by a run that timed out: %v", err)
	}
}
