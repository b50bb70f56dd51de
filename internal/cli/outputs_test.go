package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestSeveralFormats: one run writes text to standard output, SARIF and
// JSON to their files (--format NAME[=FILE], repeated), each whole and as
// a run with that format alone writes it; a bare format goes to --output;
// a file that cannot be written stops the run before any report shows.
func TestSeveralFormats(t *testing.T) {
	configRepo(t)
	// a file that cannot be written: exit 2 naming it, no report shown
	code, out, errs := run(t, "--format", "text", "--format", "sarif=out.sarif", "-f", "json=reports/../out.json", "clouds/prod")
	if code != 2 || out != "" || !strings.Contains(errs, "--format json=reports/../out.json: open reports/../out.json: no such file or directory") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	// ... and every other file left as it was, created or not (red team:
	// out.sarif, named first, was written)
	if _, err := os.Stat("out.sarif"); err == nil {
		t.Errorf("out.sarif written though out.json cannot be")
	}
	if err := os.WriteFile("old.sarif", []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "-f", "sarif=old.sarif", "-f", "json=nodir/x.json", "clouds/prod"); code != 2 {
		t.Errorf("exit %d with an output that cannot be written", code)
	}
	if b, _ := os.ReadFile("old.sarif"); string(b) != "old" {
		t.Errorf("old.sarif replaced though nodir/x.json cannot be written: %.40q", b)
	}
	if err := os.Mkdir("reports", 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, "--format", "text", "--format", "sarif=out.sarif", "-f", "json=reports/../out.json", "clouds/prod")
	if code != 1 || !strings.Contains(out, "clouds/prod/cmp/etc/nova/nova.conf:4:1") || !strings.Contains(out, "findings (") {
		t.Fatalf("exit %d: text on standard output:\n%s%s", code, out, errs)
	}
	for format, file := range map[string]string{"sarif": "out.sarif", "json": "out.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, alone, _ := run(t, "--format", format, "clouds/prod")
		if string(data) != alone {
			t.Errorf("%s: the file differs from --format %s alone:\n%.600s", file, format, data)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	code, out, _ = run(t, "--format", "github=gh.txt", "-f", "junit", "--output", "out.xml", "clouds/prod")
	gh, _ := os.ReadFile("gh.txt")
	if data, _ := os.ReadFile("out.xml"); code != 1 || out != "" || !strings.HasPrefix(string(gh), "::") || !strings.Contains(string(data), "<testsuites") {
		t.Errorf("github to its file, junit to --output: exit %d\n%s\n%.300s", code, out, data)
	}
}

// TestSeveralFormatsRefused: two outputs to standard output (or to
// --output), an unknown format, NAME= without a file, two outputs to one
// file, an --output no format uses, a file of the snapshot, and a file
// with several snapshots are usage errors, before anything is written.
func TestSeveralFormatsRefused(t *testing.T) {
	configRepo(t)
	conf := filepath.Join("clouds", "prod", "ctl", "etc", "nova", "nova.conf")
	before, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll("other/n1/etc/nova", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("other/n1/etc/nova/nova.conf", []byte("[DEFAULT]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-f", "text", "-f", "json"}, "standard output: only one --format without =FILE"},
		{[]string{"-f", "text", "-f", "json", "-o", "r.txt"}, "--output r.txt: only one --format without =FILE"},
		{[]string{"-f", "yaml=r.yaml"}, "--format yaml=r.yaml: unknown format (one of github, html, json, junit, sarif, text"},
		{[]string{"-f", "sarif="}, "--format sarif=: no file after '='"},
		{[]string{"-f", "sarif=r.out", "-f", "json=./r.out"}, "--format sarif=r.out and --format json=./r.out write the same file"},
		{[]string{"-f", "json", "-o", "r.json", "-f", "sarif=r.json"}, "--output r.json and --format sarif=r.json write the same file"},
		{[]string{"-f", "sarif=r.sarif", "-o", "r.txt"}, "--output r.txt: every --format names its own file"},
		{[]string{"-f", "text", "-f", "sarif=" + conf}, "--format sarif=" + conf + " is ctl/etc/nova/nova.conf, a file of the snapshot it reads"},
		{[]string{"-f", "text", "-f", "sarif=r.sarif", "clouds/prod", "other"}, "2 snapshots named (clouds/prod, other): --format sarif=r.sarif writes one snapshot's report"},
	} {
		args := tc.args
		if !slices.Contains(args, "other") {
			args = append(args[:len(args):len(args)], "clouds/prod")
		}
		code, out, errs := run(t, args...)
		if code != 2 || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q (want %q), stdout %.200q", args, code, errs, tc.want, out)
		}
	}
	if after, _ := os.ReadFile(conf); string(after) != string(before) {
		t.Errorf("nova.conf overwritten: %q", after)
	}
	for _, f := range []string{"r.txt", "r.json", "r.yaml", "r.out", "r.sarif"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s written by a refused run", f)
		}
	}
}
