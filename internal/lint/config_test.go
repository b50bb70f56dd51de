package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
)

// TestConfigErrors: a .stacklint.yaml that is wrong stops the run with exit 2
// and a message naming the file, never a silent fallback to inference.
func TestConfigErrors(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"unknown node": {"nodes:\n  compute9:\n    roles: [compute]\n", "compute9 is not a node of the snapshot"},
		"unknown key":  {"nodes:\n  compute1:\n    rolez: [compute]\n", "key rolez not found in a node's settings"},
		"bad release":  {"release: folsom\n", `unknown release "folsom"`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "snapshot")
			copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir)
			if err := os.WriteFile(filepath.Join(dir, ".stacklint.yaml"), []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			code := cli.Execute(context.Background(), []string{dir}, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
			if code != cli.ExitUsage || !strings.Contains(errb.String(), tc.want) || !strings.Contains(errb.String(), ".stacklint.yaml") {
				t.Errorf("exit %d, stderr %q; want exit 2 naming the file and %q", code, errb.String(), tc.want)
			}
		})
	}
}

// TestReleaseFlag: the linuxbridge driver is reported under a release that
// removed it, not under Zed; auto picks the release whose schema fits (Zed
// for the modern deployment) and none for an Icehouse snapshot, which no
// known schema fits; the JSON document names the release and why.
func TestReleaseFlag(t *testing.T) {
	dep := filepath.Join(testdata, "deployments", "modern-linuxbridge")
	for _, tc := range []struct {
		args    []string
		removed bool
		release string
	}{
		{[]string{"--release", "2026.2"}, true, `"name":"2026.2","source":"--release"`},
		{[]string{"--release", "2025.1"}, true, `"name":"2025.1","source":"--release"`},
		{[]string{"--release", "zed"}, false, `"name":"zed","source":"--release"`},
		{nil, false, `"name":"stein","source":"auto","why":"every service's options fit it best"`},
		{[]string{"ICEHOUSE"}, false, `"name":"stein","source":"auto","why":"every service's options fit it best; the files of glance, neutron, nova look older than stein, the oldest release stacklint has a schema for`},
	} {
		var out, errb bytes.Buffer
		snap := dep
		if len(tc.args) == 1 && tc.args[0] == "ICEHOUSE" {
			snap, tc.args = filepath.Join(testdata, "deployments", "icehouse-ovs-gre"), nil
		}
		args := append(append([]string{"--format", "json"}, tc.args...), snap)
		code := cli.Execute(context.Background(), args, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
		compact := strings.Join(strings.Fields(out.String()), "")
		got := strings.Contains(out.String(), `"SL-NET-021"`)
		if got != tc.removed || (code == 0) == tc.removed {
			t.Errorf("%v: SL-NET-021 reported %v (exit %d), want %v", tc.args, got, code, tc.removed)
		}
		if !strings.Contains(compact, strings.ReplaceAll(tc.release, " ", "")) {
			t.Errorf("%v: release field missing %s in %s", tc.args, tc.release, compact)
		}
	}
}
