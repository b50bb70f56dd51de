package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hunk replaces the lines old by the lines new in one file; with no old
// lines, new is appended.
type hunk struct {
	path     string
	old, new []string
}

// parseEdits reads a scenario's edits file:
//
//	@@ controller/etc/nova/nova.conf
//	-password = Nt1p-neutron-svc
//	+password = wrong
//
// Lines starting with '#' outside a hunk are comments. A '-' after a '+'
// starts a new hunk in the same file.
func parseEdits(t testing.TB, text string) []hunk {
	t.Helper()
	var out []hunk
	var cur *hunk
	for n, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "@@ "):
			out = append(out, hunk{path: strings.TrimSpace(line[3:])})
			cur = &out[len(out)-1]
		case line == "" || strings.HasPrefix(line, "#"):
		case cur == nil:
			t.Fatalf("edits:%d: %q before any '@@ path'", n+1, line)
		case line[0] == '-' && len(cur.new) > 0:
			out = append(out, hunk{path: cur.path, old: []string{line[1:]}})
			cur = &out[len(out)-1]
		case line[0] == '-':
			cur.old = append(cur.old, line[1:])
		case line[0] == '+':
			cur.new = append(cur.new, line[1:])
		default:
			t.Fatalf("edits:%d: want '-', '+' or '@@': %q", n+1, line)
		}
	}
	return out
}

// applyEdits applies a scenario's edits to the composed snapshot; an old
// text that is not found exactly once fails the test, so edits cannot rot.
func applyEdits(t testing.TB, scenario, dst string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(scenario, "edits"))
	if os.IsNotExist(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range parseEdits(t, string(b)) {
		p := filepath.Join(dst, filepath.FromSlash(h.path))
		data, err := os.ReadFile(p)
		if err != nil && (!os.IsNotExist(err) || len(h.old) > 0) {
			t.Fatal(err)
		}
		text := string(data)
		newText := strings.Join(h.new, "\n") + "\n"
		if len(h.old) == 0 {
			if text != "" && !strings.HasSuffix(text, "\n") {
				text += "\n"
			}
			text += newText
		} else {
			old := strings.Join(h.old, "\n") + "\n"
			if c := strings.Count(text, old); c != 1 {
				t.Fatalf("edits: %q occurs %d times in %s", old, c, h.path)
			}
			text = strings.Replace(text, old, strings.TrimSuffix(newText, "\n")+strings.Repeat("\n", min(1, len(h.new))), 1)
		}
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		_ = os.Remove(p) // the edited file replaces a symbolic link, not its target
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestParseEdits(t *testing.T) {
	h := parseEdits(t, "# c\n@@ a/b\n-x\n-y\n+z\n-w\n@@ c\n+new\n")
	if len(h) != 3 || strings.Join(h[0].old, ",") != "x,y" || h[0].new[0] != "z" || h[1].old[0] != "w" || h[2].path != "c" || h[2].new[0] != "new" {
		t.Fatalf("%+v", h)
	}
}
