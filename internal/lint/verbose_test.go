package lint_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
)

// TestVerboseListsChecksWithoutInput: with only nova.conf in the snapshot,
// --verbose names the checks that had nothing to read, and only those.
func TestVerboseListsChecksWithoutInput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge", "compute1", "etc", "nova"), filepath.Join(dir, "etc", "nova"))
	var out, errb bytes.Buffer
	cli.Execute(context.Background(), []string{"--verbose", dir}, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	for _, want := range []string{"no input: SL-KS-001 ", "(reads keystone.conf)", "no input: SL-RC-003 "} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	for _, not := range []string{"SL-NOVA-003", "SL-PARSE-001", "SL-HYG-004"} {
		if strings.Contains(errb.String(), "no input: "+not) {
			t.Errorf("%s reads nova.conf but is listed as without input", not)
		}
	}
}
