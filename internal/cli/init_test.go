package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// example lines of the starter: "# key:", "#   key: ...", "#   - ..."
var exampleLine = regexp.MustCompile(`^# ((?:[a-z_]+:.*)|(?: +\S.*))$`)

// TestInitStarter: init writes the starter, refuses to overwrite it, and
// the starter is valid both as written and with every example uncommented
// (so its examples name real keys, rules, categories and parameters).
func TestInitStarter(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	if code := Execute(context.Background(), []string{"init", dir}, BuildInfo{}, IO{Out: &out, Err: &errb}); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb.String())
	}
	if code := Execute(context.Background(), []string{"init", dir}, BuildInfo{}, IO{Out: &out, Err: &errb}); code != ExitUsage {
		t.Errorf("a second init overwrote the file (exit %d)", code)
	}
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(starter, "\n") {
		if m := exampleLine.FindStringSubmatch(l); m != nil {
			lines = append(lines, m[1])
		}
	}
	uncommented := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(uncommented, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Join(dir, config.FileName), uncommented} {
		cfg, err := config.Load(p)
		if err == nil {
			err = cfg.Check(lint.RuleInfos(eng.Rules))
		}
		if err != nil {
			t.Errorf("%s: %v\n%s", p, err, strings.Join(lines, "\n"))
		}
	}
	if len(lines) < 15 {
		t.Errorf("only %d example lines found", len(lines))
	}
}

// TestInitNoFolder: init into a folder that does not exist says so, not
// a raw "open ...: no such file or directory".
func TestInitNoFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nodir")
	code, _, errs := run(t, "init", dir+"/")
	if code != 2 || !strings.Contains(errs, "is not a folder (create it first") {
		t.Errorf("exit %d: %s", code, errs)
	}
}
