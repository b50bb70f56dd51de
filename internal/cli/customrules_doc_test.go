package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docStep is one step of docs/custom-rules.md: a file to write (path and
// content) or a command to run (args, after "$ stacklint") with the
// output the page shows below it.
type docStep struct {
	line    int // of the block's opening fence or the "$ " line
	file    string
	content string
	args    []string
	want    string
}

// docSteps reads the page's steps in order: blocks whose fence is labelled
// file=PATH, and the "$ stacklint ..." lines of console blocks, each with
// the lines below it up to the next "$ " line or the block's end.
func docSteps(t *testing.T, page string) []docStep {
	t.Helper()
	var steps []docStep
	var cur *docStep
	inFile, inConsole := false, false
	sc := bufio.NewScanner(strings.NewReader(page))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		switch {
		case !inFile && !inConsole && strings.HasPrefix(l, "```"):
			info := strings.Fields(strings.TrimPrefix(l, "```"))
			for _, w := range info {
				if p, ok := strings.CutPrefix(w, "file="); ok {
					steps = append(steps, docStep{line: n, file: p})
					inFile = true
				}
			}
			inConsole = len(info) > 0 && info[0] == "console"
		case (inFile || inConsole) && l == "```":
			inFile, inConsole = false, false
		case inFile:
			steps[len(steps)-1].content += l + "\n"
		case inConsole && strings.HasPrefix(l, "$ "):
			fields := strings.Fields(strings.TrimPrefix(l, "$ "))
			if len(fields) == 0 || fields[0] != "stacklint" {
				t.Fatalf("docs/custom-rules.md:%d: only stacklint commands can be run: %s", n, l)
			}
			steps = append(steps, docStep{line: n, args: fields[1:]})
			cur = &steps[len(steps)-1]
		case inConsole:
			cur.want += l + "\n"
		}
	}
	return steps
}

// TestCustomRulesDoc: the worked example of docs/custom-rules.md, from an
// empty folder, prints what the page shows: its files written in order,
// its commands run through Execute, their standard output then standard
// error compared exactly.
func TestCustomRulesDoc(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "docs", "custom-rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	steps := docSteps(t, string(page))
	t.Chdir(t.TempDir())
	ran := 0
	for _, s := range steps {
		if s.file != "" {
			if err := os.MkdirAll(filepath.Dir(s.file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.file, []byte(s.content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		ran++
		_, out, errs := run(t, s.args...)
		if got := out + errs; got != s.want {
			t.Errorf("docs/custom-rules.md:%d: stacklint %s printed\n%s\nthe page shows\n%s", s.line, strings.Join(s.args, " "), got, s.want)
		}
	}
	if ran < 5 {
		t.Errorf("only %d commands in the page", ran)
	}
}
