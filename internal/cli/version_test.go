package cli

import "testing"

// TestVersionFlag: --version prints what `stacklint version` prints.
func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}} {
		code, out, errs := runInfo(t, BuildInfo{Version: "v0.1.0", Commit: "abc", Date: "2026-11-30"}, args...)
		if code != 0 || out != "stacklint v0.1.0 (commit abc, built 2026-11-30)\n" {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errs)
		}
	}
}
