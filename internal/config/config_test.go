package config

import (
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
		if _, err := Load(write(t, t.TempDir(), bad)); err == nil || !strings.Contains(err.Error(), "line 1: max_file_size") {
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
		"unknown key":  {"nodes:\n  a:\n    role: [compute]\n", "field role not found"},
		"unknown top":  {"node: {}\n", "field node not found"},
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
