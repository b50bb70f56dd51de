package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingToCheck: a run that reads no file, or finds no node while a
// snapshot's nodes sit one level deeper (repo/clouds/prod/<node>/etc, the
// shipped hook's "."), exits 2 and says where to look; a folder of rc
// files only is a snapshot of its own and passes.
func TestNothingToCheck(t *testing.T) {
	nova := "[DEFAULT]\ndebug = false\n"
	for _, tc := range []struct {
		name  string
		files map[string]string
		code  int // -1: linted, 0 or 1
		want  []string
	}{
		{"empty", map[string]string{"README.md": "notes\n"}, 2, []string{"nothing to check", "no file stacklint reads", "PATH/NODE/etc"}},
		{"one level deeper", map[string]string{
			"clouds/prod/ctl/etc/nova/nova.conf": nova,
			"clouds/prod/ctl/root/admin-openrc":  "export OS_USERNAME=admin\n",
		}, 2, []string{"no node (only 1 file outside any node)", "run stacklint " + filepath.Join("ROOT", "clouds", "prod")}},
		{"rc files only", map[string]string{"localhost/root/keystonerc_admin": "export OS_USERNAME=admin\n"}, -1, nil},
		{"a node", map[string]string{"ctl/etc/nova/nova.conf": nova}, -1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			tree(t, root, tc.files)
			code, _, stderr := run(t, root)
			if code != tc.code && (tc.code >= 0 || code == 2) { // -1: linted (0 or 1)
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			for _, w := range tc.want {
				if w = strings.ReplaceAll(w, "ROOT", root); !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, stderr)
				}
			}
		})
	}
}

// TestOutputIntoSnapshot: --output naming a file the run reads is exit 2
// and the file is unchanged; a new file in the snapshot folder is written.
func TestOutputIntoSnapshot(t *testing.T) {
	root := t.TempDir()
	conf := "[DEFAULT]\ndebug = false\n"
	tree(t, root, map[string]string{"ctl/etc/nova/nova.conf": conf})
	target := filepath.Join(root, "ctl", "etc", "nova", "nova.conf")
	code, _, errs := run(t, "--output", target, root)
	if data, _ := os.ReadFile(target); code != 2 || string(data) != conf || !strings.Contains(errs, "a file of the snapshot it reads") {
		t.Errorf("exit %d, file now %q: %s", code, data, errs)
	}
	if code, _, errs := run(t, "--output", filepath.Join(root, "report.txt"), root); code == 2 {
		t.Errorf("a report beside the nodes refused: %s", errs)
	}
}
