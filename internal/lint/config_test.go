package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
)

// TestConfigErrors: a .stacklint.yaml that is wrong stops the run with exit 2
// and a message naming the file, never a silent fallback to inference.
func TestConfigErrors(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown node": {"nodes:\n  compute9:\n    roles: [compute]\n", "compute9, not a node of the snapshot"},
		"unknown key":  {"nodes:\n  compute1:\n    rolez: [compute]\n", "field rolez not found"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "snapshot")
			copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir)
			if err := os.WriteFile(filepath.Join(dir, ".stacklint.yaml"), []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := cli.Execute(context.Background(), []string{dir}, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
			if code != cli.ExitUsage || !strings.Contains(errb.String(), tc.want) || !strings.Contains(errb.String(), ".stacklint.yaml") {
				t.Errorf("exit %d, stderr %q; want exit 2 naming the file and %q", code, errb.String(), tc.want)
			}
		})
	}
}
