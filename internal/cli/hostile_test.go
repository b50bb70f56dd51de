package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// run executes a command line and fails the test if it does not return
// (a named pipe read the old way blocks forever).
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runInfo(t, BuildInfo{}, args...)
}

// runInfo is run with the build information of a binary.
func runInfo(t *testing.T, info BuildInfo, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- Execute(context.Background(), args, info, IO{Out: &out, Err: &errb}) }()
	select {
	case code = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("stacklint %v hung", args)
	}
	return code, out.String(), errb.String()
}

// tree writes files (content) and, for values starting with "->", links.
func tree(t *testing.T, root string, entries map[string]string) {
	t.Helper()
	for p, v := range entries {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(v, "->"); ok {
			err = os.Symlink(target, full)
		} else {
			err = os.WriteFile(full, []byte(v), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

type jsonDoc struct {
	Findings []struct {
		Rule, Severity, Message string
	}
	Config string
}

func lintDoc(t *testing.T, args ...string) (jsonDoc, int, string) {
	t.Helper()
	code, out, errs := run(t, append([]string{"--format", "json"}, args...)...)
	var d jsonDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("exit %d, not JSON: %v\n%s%s", code, err, out, errs)
	}
	return d, code, errs
}

func (d jsonDoc) rules() map[string]int {
	n := map[string]int{}
	for _, f := range d.Findings {
		n[f.Rule]++
	}
	return n
}

// TestOutsideNeverShown: links to the machine running stacklint
// (etc/hostname -> /etc/shadow, nova.conf -> elsewhere, a node folder ->
// /elsewhere, ln -s / snap/root) leak nothing into any format or inspect.
func TestOutsideNeverShown(t *testing.T) {
	outside := t.TempDir()
	marker := "MARKER-7d2b1a-outside"
	tree(t, outside, map[string]string{
		"shadow":             marker + ":$y$j9T$abc:19000:0:99999:7:::\n",
		"nova.conf":          "[DEFAULT]\ntransport_url = rabbit://" + marker + ":" + marker + "@h\n",
		"etc/nova/nova.conf": "[DEFAULT]\ndebug = " + marker + "\n",
	})
	single := t.TempDir()
	tree(t, single, map[string]string{
		"etc/keystone/keystone.conf": "[DEFAULT]\n",
		"etc/hostname":               "->" + filepath.Join(outside, "shadow"),
		"etc/nova/nova.conf":         "->" + filepath.Join(outside, "nova.conf"),
	})
	multi := t.TempDir()
	tree(t, multi, map[string]string{
		"n/etc/nova/nova.conf": "[DEFAULT]\n", "n/etc/hostname": "->" + filepath.Join(outside, "shadow"),
		"evil": "->" + outside, "root": "->/",
	})
	// Every format for the single node (its name comes from etc/hostname);
	// the multi-node layout adds links at the top of PATH: JSON says all.
	for snap, formats := range map[string][]string{single: {"text", "json", "sarif", "junit", "github"}, multi: {"json"}} {
		for _, format := range formats {
			_, out, errs := run(t, "--format", format, snap)
			if strings.Contains(out+errs, marker) {
				t.Errorf("%s output of %s shows a file from outside the snapshot:\n%s%s", format, snap, out, errs)
			}
		}
		if _, out, errs := run(t, "inspect", "--format", "json", snap); strings.Contains(out+errs, marker) {
			t.Errorf("inspect of %s shows a file from outside the snapshot", snap)
		}
	}
}

// TestSpecialFiles: a named pipe as .stacklint.yaml, neutron.conf or *.sh,
// a pipe as --baseline or inspect FILE: exit 2 with the file named, or a
// finding; never a hang.
func TestSpecialFiles(t *testing.T) {
	snap := t.TempDir()
	tree(t, snap, map[string]string{"etc/nova/nova.conf": "[DEFAULT]\n", "etc/keystone/keystone.conf": "[DEFAULT]\n"})
	for _, p := range []string{"etc/neutron/neutron.conf", "root/install.sh", "pipe"} {
		mkfifo(t, filepath.Join(snap, p))
	}
	d, _, _ := lintDoc(t, snap)
	if got := d.rules()["SL-SNAP-002"]; got != 2 {
		t.Errorf("SL-SNAP-002 findings: %d, want 2 (neutron.conf, install.sh): %+v", got, d.Findings)
	}
	for _, f := range d.Findings {
		if f.Rule == "SL-PARSE-001" {
			t.Errorf("a reading problem worded as a parse error: %s", f.Message)
		}
	}
	pipe := filepath.Join(snap, "pipe")
	for name, args := range map[string][]string{
		"--baseline": {"--baseline", pipe, snap},
		"--config":   {"--config", pipe, snap},
		"inspect":    {"inspect", pipe},
	} {
		code, _, errs := run(t, args...)
		if code != ExitUsage || !strings.Contains(errs, "named pipe") || !strings.Contains(errs, pipe) {
			t.Errorf("%s: exit %d, %q", name, code, errs)
		}
	}
	mkfifo(t, filepath.Join(snap, ".stacklint.yaml"))
	if code, _, errs := run(t, snap); code != ExitUsage || !strings.Contains(errs, ".stacklint.yaml: is a named pipe (FIFO)") {
		t.Errorf(".stacklint.yaml pipe: exit %d, %q", code, errs)
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMaxFileSize: --max-file-size and max_file_size set the limit (the
// flag wins); a file over it is a finding naming size and limit.
func TestMaxFileSize(t *testing.T) {
	snap := t.TempDir()
	tree(t, snap, map[string]string{
		"etc/nova/nova.conf":         "[DEFAULT]\n" + strings.Repeat("# padding\n", 200),
		"etc/keystone/keystone.conf": "[DEFAULT]\n",
	})
	over := func(args ...string) string {
		d, _, errs := lintDoc(t, append(args, snap)...)
		for _, f := range d.Findings {
			if f.Rule == "SL-SNAP-003" {
				return f.Message
			}
		}
		return errs
	}
	want := "etc/nova/nova.conf: is 2010 bytes (2.0 KiB), over the size limit of 1KiB"
	if got := over("--max-file-size", "1KiB"); !strings.HasPrefix(got, want) {
		t.Errorf("--max-file-size 1KiB: %q", got)
	}
	if got := over(); got != "" {
		t.Errorf("default limit: %q", got)
	}
	tree(t, snap, map[string]string{".stacklint.yaml": "max_file_size: 1KiB\n"})
	if got := over(); !strings.HasPrefix(got, want) {
		t.Errorf("max_file_size: 1KiB: %q", got)
	}
	if got := over("--max-file-size", "1MiB"); got != "" {
		t.Errorf("the flag does not win over the configuration: %q", got)
	}
	if code, _, errs := run(t, "--max-file-size", "lots", snap); code != ExitUsage || !strings.Contains(errs, `invalid size "lots"`) {
		t.Errorf("bad flag: exit %d, %q", code, errs)
	}
	tree(t, snap, map[string]string{"sub/.stacklint.yaml": "max_file_size: 0\n", "sub/etc/nova/nova.conf": "[DEFAULT]\n"})
	if code, _, errs := run(t, filepath.Join(snap, "sub")); code != ExitUsage || !strings.Contains(errs, ".stacklint.yaml:1: max_file_size") {
		t.Errorf("bad max_file_size: exit %d, %q", code, errs)
	}
}

// badConfig would stop any run that read it (a node the snapshot lacks).
const badConfig = "nodes: {ghost: {roles: [compute]}}\n"

// TestConfigSearch: .stacklint.yaml is searched from PATH up to the top of
// the enclosing repository (.git, a folder or a file), in PATH alone
// without one; the report names the file used; --config none reads none.
func TestConfigSearch(t *testing.T) {
	top := t.TempDir()
	tree(t, top, map[string]string{
		".stacklint.yaml":                   badConfig, // above the repository
		"repo/.git/HEAD":                    "ref: refs/heads/main\n",
		"repo/snap/n/etc/nova/nova.conf":    "[DEFAULT]\n",
		"wt/.git":                           "gitdir: /elsewhere\n", // a worktree
		"wt/deep/snap/n/etc/nova/nova.conf": "[DEFAULT]\n",
		"loose/snap/n/etc/nova/nova.conf":   "[DEFAULT]\n",
	})
	for _, snap := range []string{"repo/snap", "wt/deep/snap", "loose/snap"} {
		d, code, errs := lintDoc(t, filepath.Join(top, snap))
		if code == ExitUsage || d.Config != "" {
			t.Errorf("%s: exit %d, config %q: a file above the repository was read (%s)", snap, code, d.Config, errs)
		}
	}
	tree(t, top, map[string]string{"repo/.stacklint.yaml": "release: zed\n", "loose/snap/.stacklint.yaml": "release: zed\n"})
	for snap, cfg := range map[string]string{"repo/snap": "repo/.stacklint.yaml", "loose/snap": "loose/snap/.stacklint.yaml"} {
		want := filepath.Join(top, cfg)
		if d, _, _ := lintDoc(t, filepath.Join(top, snap)); d.Config != want {
			t.Errorf("%s: config %q, want %q", snap, d.Config, want)
		}
		if _, out, _ := run(t, filepath.Join(top, snap)); !strings.Contains(out, "; configuration "+want+"\n") {
			t.Errorf("%s: the text summary does not name the configuration:\n%s", snap, out)
		}
		if _, out, _ := run(t, "--format", "sarif", filepath.Join(top, snap)); !strings.Contains(out, `"config": "`+want+`"`) {
			t.Errorf("%s: SARIF does not name the configuration", snap)
		}
	}
	tree(t, top, map[string]string{"loose/snap/.stacklint.yaml.bad": badConfig})
	if err := os.Rename(filepath.Join(top, "loose/snap/.stacklint.yaml.bad"), filepath.Join(top, "loose/snap/.stacklint.yaml")); err != nil {
		t.Fatal(err)
	}
	if d, code, _ := lintDoc(t, "--config", "none", filepath.Join(top, "loose/snap")); code == ExitUsage || d.Config != "" {
		t.Errorf("--config none: exit %d, config %q", code, d.Config)
	}
	if _, out, _ := run(t, "--config", "none", filepath.Join(top, "loose/snap")); !strings.Contains(out, "; no configuration file\n") {
		t.Errorf("--config none: %s", out)
	}
}

// TestSymlinkedConfig: a .stacklint.yaml link found by the search is
// followed inside the repository only.
func TestSymlinkedConfig(t *testing.T) {
	top := t.TempDir()
	tree(t, top, map[string]string{
		"outside.yaml":                badConfig,
		"repo/.git/HEAD":              "ref: refs/heads/main\n",
		"repo/ci/stacklint.yaml":      "release: zed\n",
		"repo/a/.stacklint.yaml":      "->../ci/stacklint.yaml",
		"repo/a/n/etc/nova/nova.conf": "[DEFAULT]\n",
		"repo/b/.stacklint.yaml":      "->../../outside.yaml",
		"repo/b/n/etc/nova/nova.conf": "[DEFAULT]\n",
	})
	if d, _, errs := lintDoc(t, filepath.Join(top, "repo/a")); d.Config != filepath.Join(top, "repo/ci/stacklint.yaml") {
		t.Errorf("link inside the repository: config %q (%s)", d.Config, errs)
	}
	code, _, errs := run(t, filepath.Join(top, "repo/b"))
	if code != ExitUsage || !strings.Contains(errs, "repo/b/.stacklint.yaml is a symbolic link to "+filepath.Join(top, "outside.yaml")) {
		t.Errorf("link out of the repository: exit %d, %q", code, errs)
	}
}

// TestDeepTree: 200 nested folders give one finding, and a bounded report.
func TestDeepTree(t *testing.T) {
	snap := t.TempDir()
	deep := "n/etc"
	for range 200 {
		deep += "/d"
	}
	tree(t, snap, map[string]string{"n/etc/nova/nova.conf": "[DEFAULT]\n", deep + "/admin-openrc": "export OS_AUTH_URL=x\n"})
	d, _, _ := lintDoc(t, snap)
	if d.rules()["SL-SNAP-004"] != 1 {
		t.Errorf("findings: %+v", d.Findings)
	}
}
