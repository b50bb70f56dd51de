package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingToCheck: a run that reads no file, or finds no node while a
// snapshot's nodes sit one level deeper (repo/clouds/prod/<node>/etc, the
// shipped hook's "."), exits 2 and says where to look; a node of rc files
// only (<node>/root/keystonerc_admin) is a snapshot of its own and passes.
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
	// a hard link to the file is the file (red team: it was overwritten)
	hard := filepath.Join(t.TempDir(), "hard.out")
	if err := os.Link(target, hard); err != nil {
		t.Skip(err)
	}
	code, _, errs = run(t, "--format", "json="+hard, root)
	if data, _ := os.ReadFile(target); code != 2 || string(data) != conf || !strings.Contains(errs, "a file of the snapshot it reads") {
		t.Errorf("hard link: exit %d, file now %q: %s", code, data, errs)
	}
}

// TestNodeOfRCFiles: seed 002's layout, a node folder holding only root's
// rc files (keystonerc_admin and a copy named demo_rc), is one node whose
// rc files the rules read, linted as the snapshot, as the node, or
// through a changed file's name (pre-commit); linted from the top of the
// repository, it is nothing to check with the snapshot named.
func TestNodeOfRCFiles(t *testing.T) {
	rc := "export OS_USERNAME=%s\nexport OS_PASSWORD=x\nexport OS_PROJECT_NAME=admin\nexport OS_USER_DOMAIN_NAME=Default\n" +
		"export OS_PROJECT_DOMAIN_NAME=Default\nexport OS_AUTH_URL=http://10.0.2.15:5000/v3\n"
	root := t.TempDir()
	tree(t, root, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		"clouds/prod/localhost/root/keystonerc_admin": fmt.Sprintf(rc, "admin"),
		"clouds/prod/localhost/root/demo_rc":          fmt.Sprintf(rc, "demo"),
	})
	t.Chdir(root)
	for _, arg := range []string{"clouds/prod", "clouds/prod/localhost", "clouds/prod/localhost/root/demo_rc"} {
		code, out, errs := run(t, arg)
		if code != 0 || !strings.Contains(out, "in 2 files on 1 node;") || !strings.Contains(out, "localhost/root/demo_rc:3:8  info     SL-RC-007") {
			t.Errorf("%s: exit %d\n%s%s", arg, code, out, errs)
		}
	}
	if code, _, errs := run(t, "."); code != 2 || !strings.Contains(errs, "run stacklint "+filepath.Join("clouds", "prod")) {
		t.Errorf(".: exit %d: %s", code, errs)
	}
}
