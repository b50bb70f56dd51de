package lint_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/stacklint/stacklint/internal/finding"
)

// asSosReports writes each node folder of the snapshot snap as the sos
// report sos writes of that host (sosreport-<node>-<date>-<id>/ with the
// node's files, sos_commands/host/hostname naming it) in a new folder, and
// returns it.
func asSosReports(t *testing.T, snap string) string {
	t.Helper()
	out := t.TempDir()
	nodes, err := os.ReadDir(snap)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		if !n.IsDir() {
			continue
		}
		report := filepath.Join(out, "sosreport-"+n.Name()+"-2026-11-30-ctnrsos")
		copyTree(t, filepath.Join(snap, n.Name()), report)
		if err := os.MkdirAll(filepath.Join(report, "sos_commands", "host"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(report, "sos_commands", "host", "hostname"), []byte(n.Name()+".example.org\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// inReports is a classic layout's findings as asSosReports's folders give
// them: every path below its node's report.
func inReports(fs []finding.Finding) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		f.Locations = append([]finding.Location(nil), f.Locations...)
		for i, l := range f.Locations {
			node, rest, _ := strings.Cut(l.Path, "/")
			f.Locations[i].Path = "sosreport-" + node + "-2026-11-30-ctnrsos/" + rest
			f.Message = strings.ReplaceAll(f.Message, l.Path, f.Locations[i].Path)
		}
		out = append(out, f)
	}
	return out
}

// TestSosContainerArchives: sos reports of kolla-ansible and TripleO nodes
// (the kolla and openstack plugins collect etc/kolla/ and
// var/lib/config-data/puppet-generated/) give, as folders, the planted
// fault the classic layout gives at the same file and key below the
// report, and, packed as .tar.gz and .tar.xz, the findings the folders
// give, below each archive; the clean deployments stay clean. Each
// snapshot is built once; four runs each.
func TestSosContainerArchives(t *testing.T) {
	for _, sc := range []string{"kolla-container-db-drift", "tripleo-neutron-password"} {
		scenario := filepath.Join(testdata, "scenarios", sc)
		base, err := os.ReadFile(filepath.Join(scenario, "base"))
		if err != nil {
			t.Fatal(err)
		}
		var planted []finding.Finding
		raw, err := os.ReadFile(filepath.Join(scenario, "want.json"))
		if err != nil || json.Unmarshal(raw, &planted) != nil || len(planted) == 0 {
			t.Fatalf("%s: want.json: %v", sc, err)
		}
		snaps := map[string]string{
			"clean-" + strings.TrimSpace(string(base)): asSosReports(t, filepath.Join(testdata, "deployments", strings.TrimSpace(string(base)))),
			sc: asSosReports(t, Compose(t, scenario)),
		}
		for name, snap := range snaps {
			folder, _ := lintJSON(t, snap)
			t.Run(name, func(t *testing.T) {
				checkSosFolder(t, folder, name == sc, inReports(planted))
			})
			for _, ext := range []string{".tar.gz", ".tar.xz"} {
				t.Run(name+ext, func(t *testing.T) {
					doc, code := lintJSON(t, packAll(t, snap, ext))
					if doc.Summary["nodes"] != 3 || doc.Summary["files"] != folder.Summary["files"] {
						t.Errorf("%d nodes, %d files (folders: %d)", doc.Summary["nodes"], doc.Summary["files"], folder.Summary["files"])
					}
					if d := cmp.Diff(inArchives(folder.Findings, ext), doc.Findings, ignoreFingerprint); d != "" {
						t.Errorf("exit %d, findings (-folders +archives):\n%s", code, d)
					}
				})
			}
		}
	}
}

// checkSosFolder: the folders' run reads the containers' files (it has
// findings on them) and has the planted findings when faulty, no error
// or warning when clean.
func checkSosFolder(t *testing.T, doc jsonOut, faulty bool, planted []finding.Finding) {
	t.Helper()
	errs := 0
	for _, f := range doc.Findings {
		if f.Severity != "info" {
			errs++
		}
	}
	if !faulty && errs != 0 {
		t.Errorf("clean deployment: %d errors and warnings: %+v", errs, doc.Findings)
	}
	if doc.Summary["files"] < 30 {
		t.Errorf("%d files read: the containers' files are not", doc.Summary["files"])
	}
	if !faulty {
		return
	}
	for _, want := range planted {
		found := false
		for _, got := range doc.Findings {
			found = found || cmp.Equal(want, got, ignoreFingerprint)
		}
		if !found {
			t.Errorf("planted finding missing: %+v\nfindings: %+v", want, doc.Findings)
		}
	}
}
