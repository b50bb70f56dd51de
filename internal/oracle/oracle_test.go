// Package oracle holds the differential test of stacklint's INI parser
// against oslo.config itself (shared/upstream/oslo_dump.py). It runs in
// `make corpus` (STACKLINT_ORACLE=1) and skips cleanly when ../shared or
// Debian's python3-oslo.config is missing.
package oracle

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/snapshot"
)

const python = "/usr/bin/python3"

func shared(t *testing.T) string {
	t.Helper()
	if os.Getenv("STACKLINT_ORACLE") == "" {
		t.Skip("set STACKLINT_ORACLE=1 (make corpus) to run the oslo.config differential test")
	}
	dir, _ := filepath.Abs(os.Getenv("STACKLINT_SHARED"))
	if dir == "" || os.Getenv("STACKLINT_SHARED") == "" {
		dir, _ = filepath.Abs("../../../shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "upstream", "oslo_dump.py")); err != nil {
		t.Skip("../shared is absent")
	}
	if err := exec.Command(python, "-c", "import oslo_config").Run(); err != nil {
		t.Skip("python3-oslo.config is not installed (make corpus installs it)")
	}
	return dir
}

// TestINIParserMatchesOsloConfig compares, for every INI-style file of the
// corpus and every file of the oracle's own experiments, the sections, keys,
// values and their order (or the parse error's line and message) that
// `stacklint inspect --show-secrets --format json FILE` prints with what
// oslo.config reads.
func TestINIParserMatchesOsloConfig(t *testing.T) {
	root := shared(t)
	files := corpusINIFiles(t, filepath.Join(root, "corpus"))
	files = append(files, experimentFiles(t, filepath.Join(root, "upstream", "experiments"))...)
	own, _ := filepath.Glob("testdata/cases/*.conf") // the project's own cases (look-alike characters)
	for _, f := range own {
		abs, _ := filepath.Abs(f)
		files = append(files, abs)
	}
	files = append(files, bigCases(t)...)
	oracle := runOracle(t, filepath.Join(root, "upstream", "oslo_dump.py"), files)
	diffs := 0
	for _, f := range files {
		want, ok := oracle[f]
		if !ok {
			t.Errorf("%s: no oracle result", f)
			continue
		}
		got := inspectFile(t, f)
		if d := compare(f, got, want); d != "" {
			diffs++
			t.Errorf("%s: %s", f, d)
		}
	}
	t.Logf("%d files compared with oslo.config, %d differences", len(files), diffs)
	if len(files) < 300 {
		t.Errorf("only %d files found; expected the whole corpus and experiments", len(files))
	}
}

// bigCases are generated files of issue 14's shapes, smaller: a 4 MB value,
// a 1 MB line oslo.config rejects (quoted in its error), and 100,000 lines
// mixing "\n", "\r\n" and "\r" ends with continuation lines.
func bigCases(t *testing.T) []string {
	dir := t.TempDir()
	var many strings.Builder
	many.WriteString("[DEFAULT]\n")
	ends := []string{"\n", "\r\n", "\r"}
	for i := range 100_000 {
		if i%7 == 3 {
			fmt.Fprintf(&many, "  continued %d%s", i, ends[i%3])
			continue
		}
		fmt.Fprintf(&many, "key%d = value %d%s", i%1000, i, ends[i%3])
	}
	cases := map[string]string{
		"huge-value.conf": "[vnc]\nserver_proxyclient_address = " + strings.Repeat("a\u00e9", 2<<20) + "\nafter = 1\n",
		"huge-error.conf": "[DEFAULT]\n" + strings.Repeat("x\x1b", 512<<10) + "\n",
		"many-lines.conf": many.String(),
	}
	var out []string
	for name, text := range cases {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func corpusINIFiles(t *testing.T, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".conf") || strings.HasSuffix(p, ".ini")) && oslo(p) {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// oslo reports whether stacklint reads a file with the oslo.config parser:
// host files in other dialects (neutron's dnsmasq-neutron.conf, httpd
// vhosts, systemd drop-ins) are not oslo.config's to judge.
func oslo(p string) bool {
	k := snapshot.ClassifyFile(p)
	return k == snapshot.KindINI || snapshot.IsINI(k)
}

func experimentFiles(t *testing.T, expDir string) []string {
	out := t.TempDir()
	cmd := exec.Command(python, "testdata/experiment_files.py", expDir, out)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("writing experiment files: %v", err)
	}
	return strings.Fields(string(b))
}

type oracleOut struct {
	Sections json.RawMessage `json:"sections"`
	Error    *struct {
		Type, Message string
	} `json:"error"`
	Kind string `json:"kind"`
}

// batch runs a python batch script over file paths given on stdin and
// returns a scanner over its output lines (one JSON object per file).
func batch(t *testing.T, files []string, args ...string) *bufio.Scanner {
	t.Helper()
	cmd := exec.Command(python, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	cmd.Stdin = strings.NewReader(strings.Join(files, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle %v: %v\n%s", args, err, stderr.String())
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	return sc
}

func runOracle(t *testing.T, dump string, files []string) map[string]oracleOut {
	res := map[string]oracleOut{}
	sc := batch(t, files, "testdata/oslo_batch.py", dump)
	for sc.Scan() {
		var line struct {
			Path string
			Out  oracleOut
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		res[line.Path] = line.Out
	}
	return res
}

type inspected struct {
	Sections json.RawMessage `json:"sections"`
	Error    *struct {
		Line    int    `json:"line"`
		Message string `json:"message"`
	} `json:"error"`
}

func inspectFile(t *testing.T, f string) inspected {
	var out, errb bytes.Buffer
	code := cli.Execute(context.Background(), []string{"inspect", "--show-secrets", "--format", "json", f},
		cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	if code != 0 {
		t.Fatalf("inspect %s: exit %d: %s", f, code, errb.String())
	}
	var doc struct{ Files []inspected }
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || len(doc.Files) != 1 {
		t.Fatalf("inspect %s: %v %s", f, err, out.String())
	}
	return doc.Files[0]
}

var parseErr = regexp.MustCompile(`(?s)^Failed to parse .*?: at .*?:(\d+), (.*)$`)

func compare(path string, got inspected, want oracleOut) string {
	if want.Error != nil {
		if got.Error == nil {
			return fmt.Sprintf("oslo.config fails (%s) but stacklint parsed the file", want.Error.Message)
		}
		switch want.Kind {
		case "decode":
			if got.Error.Message != want.Error.Message {
				return fmt.Sprintf("decode error %q, oslo.config %q", got.Error.Message, want.Error.Message)
			}
		default:
			m := parseErr.FindStringSubmatch(strings.ReplaceAll(want.Error.Message, path, "P"))
			if m == nil {
				return "unexpected oracle error: " + want.Error.Message
			}
			if g := fmt.Sprintf("%d", got.Error.Line); g != m[1] || got.Error.Message != m[2] {
				return fmt.Sprintf("error at line %d %q, oslo.config at line %s %q", got.Error.Line, got.Error.Message, m[1], m[2])
			}
		}
		return ""
	}
	if got.Error != nil {
		return fmt.Sprintf("stacklint fails (%d: %s) but oslo.config parses the file", got.Error.Line, got.Error.Message)
	}
	g, err := ordered(got.Sections, true)
	if err != nil {
		return err.Error()
	}
	w, err := ordered(want.Sections, false)
	if err != nil {
		return err.Error()
	}
	if g != w {
		return "sections differ:\n" + diff(w, g)
	}
	return ""
}
