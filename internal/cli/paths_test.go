package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestShownPaths: text, github, JUnit and SARIF print paths that open
// from the folder stacklint runs in (the snapshot two levels down,
// named relative, absolute, or from a folder beside it), related
// locations included; JSON keeps snapshot-relative paths and says the
// root apart.
func TestShownPaths(t *testing.T) {
	configRepo(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		dir, arg, shown string
	}{
		{".", "clouds/prod", "clouds/prod"},
		{".", filepath.Join(wd, "clouds", "prod"), "clouds/prod"},
		{"clouds", "prod/", "prod"},
		{"docs", "../clouds/prod", "../clouds/prod"},
		{".", "clouds/prod/ctl/etc/neutron/neutron.conf", "clouds/prod"}, // a file argument: an absolute root
	} {
		t.Run(tc.dir+" "+tc.arg, func(t *testing.T) {
			if err := os.MkdirAll(filepath.Join(wd, tc.dir), 0o755); err != nil {
				t.Fatal(err)
			}
			t.Chdir(filepath.Join(wd, tc.dir))
			want := map[string][]string{
				"text": {
					tc.shown + "/cmp/etc/nova/nova.conf:4:1  error    SL-PASS-003",
					"related: " + tc.shown + "/ctl/etc/neutron/neutron.conf:4:1 [keystone_authtoken] password",
				},
				"github": {"::error file=" + tc.shown + "/cmp/etc/nova/nova.conf,line=4,"},
				"junit":  {`file="` + tc.shown + `/cmp/etc/nova/nova.conf"`, "related " + tc.shown + "/ctl/etc/neutron/neutron.conf:4:1"},
				"sarif":  {`"uri": "` + tc.shown + `/cmp/etc/nova/nova.conf",` + "\n" + `                  "uriBaseId": "%SRCROOT%"`, `"uri": "` + tc.shown + `/ctl/etc/neutron/neutron.conf"`},
				"json":   {`"root": "` + tc.shown + `"`, `"path": "cmp/etc/nova/nova.conf"`, `"path": "ctl/etc/neutron/neutron.conf"`},
			}
			for format, lines := range want {
				code, out, errs := run(t, "--format", format, tc.arg)
				if code != 1 {
					t.Fatalf("%s: exit %d: %s", format, code, errs)
				}
				for _, w := range lines {
					if !strings.Contains(out, w) {
						t.Errorf("%s lacks %q:\n%.1500s", format, w, out)
					}
				}
			}
		})
	}
}

// TestShownPathsOutside: a snapshot outside the working directory named
// by its absolute path is printed absolute, and SARIF names it by file:
// URIs.
func TestShownPathsOutside(t *testing.T) {
	configRepo(t)
	snap, err := filepath.Abs(filepath.Join("clouds", "prod"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	if _, out, _ := run(t, snap); !strings.Contains(out, snap+"/cmp/etc/nova/nova.conf:4:1") {
		t.Errorf("text: want absolute paths:\n%s", out)
	}
	if _, out, _ := run(t, "--format", "sarif", snap); !strings.Contains(out, `"uri": "file://`+snap+`/cmp/etc/nova/nova.conf"`) {
		t.Errorf("sarif: want file: URIs:\n%s", out)
	}
}

// TestBaselineSameFromAnyFolder: the baseline (and every fingerprint) of
// a snapshot is the same whichever folder stacklint runs in and however
// the snapshot is named.
func TestBaselineSameFromAnyFolder(t *testing.T) {
	configRepo(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	write := func(dir, arg, out string) string {
		t.Helper()
		t.Chdir(filepath.Join(wd, dir))
		if code, _, errs := run(t, "--write-baseline", out, arg); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	a := write(".", "clouds/prod", filepath.Join(wd, "a.json"))
	b := write("clouds/prod/ctl", "..", filepath.Join(wd, "b.json"))
	if a != b || !strings.Contains(a, `"path": "cmp/etc/nova/nova.conf"`) {
		t.Errorf("baselines differ by folder:\n%s\n%s", a, b)
	}
	var doc struct {
		Findings []struct{ Fingerprint string }
	}
	if err := json.Unmarshal([]byte(a), &doc); err != nil || len(doc.Findings) == 0 {
		t.Fatalf("baseline: %v %s", err, a)
	}
}
