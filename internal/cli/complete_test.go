package cli

import (
	"strings"
	"testing"
)

// TestCompletions: the shell completion of --format, --fail-level,
// --release and explain's rule id offers their values.
func TestCompletions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "--format", ""}, "sarif"},
		{[]string{"__complete", "--format", "text", "--format", "j"}, "json"},      // repeated
		{[]string{"__complete", "--format", "sarif=stacklint.s"}, ":0\n"},          // NAME=FILE: the shell's files
		{[]string{"__complete", "lint", "-f", "json", "--format", ""}, "github\n"}, // lint's too
		{[]string{"__complete", "--fail-level", ""}, "warning"},
		{[]string{"__complete", "--release", "auto,"}, "auto,2024.1"},
		{[]string{"__complete", "lint", "--release", ""}, "zed"},
		{[]string{"__complete", "explain", "SL-"}, "SL-PASS-011\t"},
	} {
		code, out, errs := run(t, tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, no %q in %q %s", tc.args, code, tc.want, out, errs)
		}
	}
}
