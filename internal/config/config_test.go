package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func write(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFindInParent: the search goes up to the repository's top (a .git
// folder or file), and no higher; without a repository, PATH alone.
func TestFindInParent(t *testing.T) {
	root := t.TempDir()
	write(t, root, badYAML) // above the repository: never read
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "snap", "node1")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("", sub); err != nil || got != "" {
		t.Fatalf("no repository: Find = %q, %v; want none (PATH alone)", got, err)
	}
	if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("", sub); err != nil || got != "" {
		t.Fatalf("repository without config: Find = %q, %v", got, err)
	}
	want := write(t, repo, "nodes: {}\n")
	if got, err := Find("", sub); err != nil || got != want {
		t.Fatalf("Find = %q, %v; want %q", got, err, want)
	}
	if got, _ := Find("explicit.yaml", sub); got != "explicit.yaml" {
		t.Errorf("explicit path not used: %q", got)
	}
	if got, _ := Find(None, repo); got != "" {
		t.Errorf("--config none: %q", got)
	}
}

const badYAML = "bogus: true\n"

// TestFindLink: a found .stacklint.yaml that is a link is followed inside
// the repository only.
func TestFindLink(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := write(t, root, badYAML)
	if err := os.Symlink(target, filepath.Join(repo, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Find("", repo); err == nil || !strings.Contains(err.Error(), "is a symbolic link to "+target+", outside") {
		t.Errorf("link out of the repository: %v", err)
	}
	inside := filepath.Join(repo, "ci.yaml")
	if err := os.WriteFile(inside, []byte("release: zed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(repo, FileName)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("ci.yaml", filepath.Join(repo, FileName)); err != nil {
		t.Fatal(err)
	}
	if got, err := Find("", repo); err != nil || got != inside {
		t.Errorf("link inside: %q, %v", got, err)
	}
}

// TestLoadPipe: a named pipe is refused at once, never read.
func TestLoadPipe(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("Load(pipe) = %v", err)
	}
}

func TestLoadMaxFileSize(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), "max_file_size: 64MiB\n"))
	if err != nil || c.MaxFileSize.Bytes != 64<<20 {
		t.Fatalf("%v %+v", err, c)
	}
	for _, bad := range []string{"max_file_size: 0\n", "max_file_size: [1]\n", "max_file_size: 5 parsecs\n"} {
		if _, err := Load(write(t, t.TempDir(), bad)); err == nil || !strings.Contains(err.Error(), ".stacklint.yaml:1: max_file_size") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestLoadRoles(t *testing.T) {
	p := write(t, t.TempDir(), "nodes:\n  ctl1:\n    roles: [controller, neutron-l3-agent]\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	got := c.RoleOverrides()["ctl1"]
	if strings.Join(got, ",") != "controller,neutron-l3-agent" {
		t.Errorf("roles = %v", got)
	}
}

func TestLoadStrict(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown key":  {"nodes:\n  a:\n    role: [compute]\n", "key role not found"},
		"unknown top":  {"node: {}\n", "key node not found"},
		"unknown role": {"nodes:\n  a:\n    roles: [computer]\n", `nodes.a.roles: unknown role "computer"`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(write(t, t.TempDir(), tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), FileName) {
				t.Errorf("err = %v, want it to name the file and %q", err, tc.want)
			}
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	c, err := Load(write(t, t.TempDir(), ""))
	if err != nil || len(c.RoleOverrides()) != 0 {
		t.Errorf("empty file: %v, %v", c, err)
	}
}

// TestErrorsNameLine: every error of Load is "<file>:<line>: <message>" on
// one line (yaml.v3's type errors came as "<file>: unmarshal errors:\n
// line N: ...", the release, address and role errors without a line;
// found by FuzzLoad).
func TestErrorsNameLine(t *testing.T) {
	for text, want := range map[string]string{
		"0\n":                                 ":1: cannot read a number `0` into the configuration",
		"nodes:\n  a:\n    role: [compute]\n": ":3: key role not found in a node's settings",
		"rules:\n  SL-X-1:\n    lvl: off\n":   ":3: unknown key lvl in a rule setting (known: level, params)",
		"# c\nrelease: nope\n":                `:2: release: unknown release "nope"`,
		"nodes:\n  a:\n    addresses:\n    - 10.0.0.1\n    - x\n": `:5: nodes.a.addresses: "x" is not an IP address`,
		"nodes:\n  a:\n    roles: [computer]\n":                   `:3: nodes.a.roles: unknown role "computer"`,
		"disable: [\n":                                            ":1: did not find expected node content",
		"ignore_paths: ['[']\n":                                   `:1: ignore_paths: bad pattern "["`,
	} {
		p := write(t, t.TempDir(), text)
		_, err := Load(p)
		if err == nil || !strings.HasPrefix(err.Error(), p+want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: got %v, want %s%s…", text, err, p, want)
		}
	}
}

// TestNullEntries: an empty entry (yaml.v3 never hands a null to the
// unmarshalers that keep lines, so later errors said line 0; found by
// FuzzLoad) is an error at its line.
func TestNullEntries(t *testing.T) {
	for text, want := range map[string]string{
		"rules:\n  SL-HOST-010:\n":       ":2: rules.SL-HOST-010: no level or parameters",
		"disable: [~]\n":                 ":1: disable: an empty entry",
		"release: zed\nignores:\n  -\n":  ":3: ignores: an empty entry",
		"enable:\n  - hosts\n  - null\n": ":3: enable: an empty entry",
		"ignore_paths: [a/**, ~]\n":      ":1: ignore_paths: an empty entry",
	} {
		p := write(t, t.TempDir(), text)
		if _, err := Load(p); err == nil || err.Error() != p+want {
			t.Errorf("%q: got %v, want %s%s", text, err, p, want)
		}
	}
}

// TestErrorExcerpt: a long value quoted in an error (a role, a rule id) is
// cut to a short excerpt (found by FuzzLoad).
func TestErrorExcerpt(t *testing.T) {
	long := strings.Repeat("x", 10000)
	p := write(t, t.TempDir(), "nodes:\n  a:\n    roles: ["+long+"]\n")
	_, err := Load(p)
	if err == nil || len(err.Error()) > len(p)+450 || !strings.HasPrefix(err.Error(), p+`:3: nodes.a.roles: unknown role "xxx`) {
		t.Errorf("got %d bytes: %.200v", len(fmt.Sprint(err)), err)
	}
	c := &Config{Path: p, Rules: RuleSettings{ByName: map[string]RuleSetting{long: {Line: 2}}}}
	if err := c.Check(nil); err == nil || len(err.Error()) > len(p)+450 {
		t.Errorf("Check: got %d bytes", len(fmt.Sprint(err)))
	}
}

// TestStrictLines: an unknown key inside a rule setting or an ignore is
// reported at its own line, whatever comments or flow style surround it
// (the line was taken from a re-marshalled copy of the entry; found by
// FuzzLoad).
func TestStrictLines(t *testing.T) {
	for text, want := range map[string]string{
		"rules:\n  SL-HOST-010:\n    # a comment\n    lvl: off\n": ":4: unknown key lvl in a rule setting (known: level, params)",
		"rules:\n  SL-HOST-010: {level: off,\n\n    lvl: 1}\n":    ":4: unknown key lvl in a rule setting (known: level, params)",
		"ignores:\n  # c\n  - {path: x,\n     keys: a}\n":         ":4: unknown key keys in an ignore (known: key, path, reason, rule)",
		"rules:\n  SL-HOST-010:\n    level: [a]\n":                ":3: cannot read a list into text",
	} {
		p := write(t, t.TempDir(), text)
		if _, err := Load(p); err == nil || !strings.HasPrefix(err.Error(), p+want) {
			t.Errorf("%q: got %v, want %s%s", text, err, p, want)
		}
	}
}
