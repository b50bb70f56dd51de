package lint_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/ulikunitz/xz"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/finding"
)

// packReport writes the sos report folder dir as an archive at dst
// (.tar.gz or .tar.xz), its members below the folder's own name as sos
// writes them (sosreport-<host>-<date>/...), links kept as links.
func packReport(t *testing.T, dir, dst string) {
	t.Helper()
	var raw bytes.Buffer
	tw := tar.NewWriter(&raw)
	parent := filepath.Dir(dir)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(parent, p)
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		link := ""
		if info.Mode()&fs.ModeSymlink != 0 {
			if link, err = os.Readlink(p); err != nil {
				return err
			}
		}
		h, err := tar.FileInfoHeader(info, link)
		if err != nil {
			return err
		}
		h.Name = filepath.ToSlash(rel)
		if d.IsDir() {
			h.Name += "/"
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if info.Mode().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			_, err = tw.Write(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var z io.WriteCloser
	if strings.HasSuffix(dst, ".xz") {
		z, err = xz.NewWriter(&out)
		if err != nil {
			t.Fatal(err)
		}
	} else {
		z = gzip.NewWriter(&out)
	}
	if _, err := z.Write(raw.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// packAll writes every report folder of the snapshot snap as an archive
// with suffix ext in a new folder, and returns it.
func packAll(t *testing.T, snap, ext string) string {
	t.Helper()
	out := t.TempDir()
	reports, _ := filepath.Glob(filepath.Join(snap, "sosreport-*"))
	if len(reports) == 0 {
		t.Fatalf("no sos report in %s", snap)
	}
	for _, r := range reports {
		packReport(t, r, filepath.Join(out, filepath.Base(r)+ext))
	}
	return out
}

// inArchives is a folder run's findings as the same reports packed one
// archive each give them: every path below the archive of its report (in
// messages shortened as every message is).
func inArchives(fs []finding.Finding, ext string) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		b, _ := json.Marshal(f)
		var g finding.Finding
		_ = json.Unmarshal(b, &g)
		for i, l := range g.Locations {
			report, _, _ := strings.Cut(l.Path, "/")
			g.Locations[i].Path = report + ext + "/" + l.Path
			g.Message = strings.ReplaceAll(g.Message, l.Path, g.Locations[i].Path)
		}
		g.Message = finding.Sanitize(g.Message) // a path over finding.MaxWord bytes is shortened
		out = append(out, g)
	}
	return out
}

// TestSosArchives: the sos-report deployment and its scenarios, packed at
// test time one archive per report (.tar.gz and .tar.xz, as sos writes
// them), give the findings the folders give, at the same files and keys
// below each archive; the clean deployment stays clean.
func TestSosArchives(t *testing.T) {
	snaps := map[string]string{"clean": filepath.Join(testdata, "deployments", "sos-linuxbridge")}
	scenarios, _ := filepath.Glob(filepath.Join(testdata, "scenarios", "sos-*"))
	for _, sc := range scenarios {
		snaps[filepath.Base(sc)] = Compose(t, sc)
	}
	for name, snap := range snaps {
		folder, _ := lintJSON(t, snap)
		for _, ext := range []string{".tar.gz", ".tar.xz"} {
			t.Run(name+ext, func(t *testing.T) {
				doc, code := lintJSON(t, packAll(t, snap, ext))
				if doc.Summary["nodes"] != 3 {
					t.Errorf("%d nodes", doc.Summary["nodes"])
				}
				want := inArchives(folder.Findings, ext)
				if d := cmp.Diff(want, doc.Findings, ignoreFingerprint); d != "" {
					t.Errorf("exit %d, findings (-folders +archives):\n%s", code, d)
				}
			})
		}
	}
}

// TestSosArchiveIsPath: one report's archive named as PATH is its node,
// named by the report's host name, with findings located below the
// archive's top folder.
func TestSosArchiveIsPath(t *testing.T) {
	snap := Compose(t, filepath.Join(testdata, "scenarios", "sos-local-ip-other-node"))
	dir := t.TempDir()
	p := filepath.Join(dir, "sosreport-compute2.tar.xz")
	packReport(t, filepath.Join(snap, "sosreport-compute2-2026-11-30-hxqzlmt"), p)
	var out, errb bytes.Buffer
	code := runCLI(&out, &errb, "inspect", p)
	if code != 0 || !strings.Contains(out.String(), `{"name":"compute2","dir":"sosreport-compute2-2026-11-30-hxqzlmt","layout":"sos-report"}`) || !strings.Contains(out.String(), `"path": "sosreport-compute2-2026-11-30-hxqzlmt/etc/nova/nova.conf"`) {
		t.Fatalf("inspect exit %d:\n%s%s", code, out.String(), errb.String())
	}
}

// TestSosMaskedNote: the run says which checks the masked credentials
// left undecided, in the text summary and the JSON output.
func TestSosMaskedNote(t *testing.T) {
	var out, errb bytes.Buffer
	runCLI(&out, &errb, "--format", "json", filepath.Join(testdata, "deployments", "sos-linuxbridge"))
	var doc struct {
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notes) != 1 || !strings.Contains(doc.Notes[0], "masked credentials: 27 values (glance 2, keystone 1, neutron 8, nova 14, placement 2)") ||
		!strings.Contains(doc.Notes[0], "password parity") {
		t.Errorf("notes: %q", doc.Notes)
	}
	out.Reset()
	runCLI(&out, &errb, filepath.Join(testdata, "deployments", "sos-linuxbridge"))
	if !strings.Contains(out.String(), "\nnote: masked credentials: 27 values") {
		t.Errorf("text summary:\n%s", out.String())
	}
	out.Reset()
	runCLI(&out, &errb, "--format", "json", filepath.Join(testdata, "deployments", "modern-linuxbridge"))
	if strings.Contains(out.String(), `"notes"`) {
		t.Errorf("notes without masked values")
	}
}

// ignoreFingerprint compares findings without their fingerprints (keyed by
// paths, which the archives change) and fingerprint labels.
var ignoreFingerprint = cmpopts.IgnoreFields(finding.Finding{}, "Fingerprint", "Fleet")

// runCLI runs stacklint with args.
func runCLI(out, errb *bytes.Buffer, args ...string) int {
	return cli.Execute(context.Background(), args, cli.BuildInfo{}, cli.IO{Out: out, Err: errb})
}

// TestSosSameHostTwice: two reports of the same host (collected on two
// days) are both linted, the second as compute1~2, and a note says so;
// nothing of it is hidden (findings between the two copies compare the host with
// itself, which the note says).
func TestSosSameHostTwice(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "sos-linuxbridge"), snap)
	copyTree(t, filepath.Join(snap, "sosreport-compute1-2026-11-30-hxqzlmt"), filepath.Join(snap, "sosreport-compute1-2026-12-01-bqwerty"))
	var out, errb bytes.Buffer
	runCLI(&out, &errb, "--format", "json", snap)
	var doc struct {
		Notes   []string       `json:"notes"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Summary["nodes"] != 4 {
		t.Errorf("%d nodes", doc.Summary["nodes"])
	}
	found := false
	for _, n := range doc.Notes {
		found = found || strings.Contains(n, `sosreport-compute1-2026-12-01-bqwerty and another folder are reports of the same host "compute1": this one is named compute1~2`)
	}
	if !found {
		t.Errorf("notes: %q", doc.Notes)
	}
}

// TestSosMaxArchiveSize: --max-archive-size bounds what an archive may
// decompress to; the problem names the archive and the flag.
func TestSosMaxArchiveSize(t *testing.T) {
	snap := Compose(t, filepath.Join(testdata, "scenarios", "sos-local-ip-other-node"))
	p := filepath.Join(t.TempDir(), "sosreport-compute2.tar.gz")
	packReport(t, filepath.Join(snap, "sosreport-compute2-2026-11-30-hxqzlmt"), p)
	var out, errb bytes.Buffer
	code := runCLI(&out, &errb, "--config", "none", "--max-archive-size", "4KiB", p)
	all := out.String() + errb.String()
	if code != 2 || !strings.Contains(all, "sosreport-compute2.tar.gz") || !strings.Contains(all, "decompresses to more than 4KiB") || !strings.Contains(all, "--max-archive-size") {
		t.Errorf("exit %d:\n%s", code, all)
	}
	out.Reset()
	errb.Reset()
	if code := runCLI(&out, &errb, "--config", "none", p); code == 2 {
		t.Errorf("default bound: exit 2:\n%s%s", out.String(), errb.String())
	}
}
