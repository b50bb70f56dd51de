package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseFlagItems: "--release ,", an empty --release given and a
// configuration's "release: zed," are errors (no silent auto), and a
// megabyte --release value is quoted to 80 characters, not echoed.
func TestReleaseFlagItems(t *testing.T) {
	root := t.TempDir()
	tree(t, root, map[string]string{"ctl/etc/nova/nova.conf": "[DEFAULT]\ndebug = false\n"})
	huge := strings.Repeat("zed x ", 200_000)
	for _, tc := range []struct {
		value, want string
	}{
		{",", `stacklint: --release: item 1 of "," is empty`},
		{"auto,,nova=zed", `--release: item 2 of "auto,,nova=zed" is empty`},
		{huge, `--release: unknown release "zed x zed x`},
		{"", "--release is empty"}, // --release "$UNSET" in CI: not a silent auto
		{"  ", "--release is empty"},
	} {
		code, out, errs := run(t, "--release", tc.value, root)
		if code != 2 || out != "" || !strings.Contains(errs, tc.want) || len(errs) > 500 {
			t.Errorf("--release %.30q: exit %d, %d bytes on stderr: %.600s", tc.value, code, len(errs), errs)
		}
	}
	conf := filepath.Join(root, "stacklint.yaml")
	if err := os.WriteFile(conf, []byte("release: \"zed,\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "--config", conf, root); code != 2 || !strings.Contains(errs, conf+":1") || !strings.Contains(errs, `item 2 of "zed," is empty`) {
		t.Errorf("release: \"zed,\": exit %d: %s", code, errs)
	}
}
