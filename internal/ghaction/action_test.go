package ghaction

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
)

// repoRoot is where action.yml lies, from this package's folder.
var repoRoot = filepath.Join("..", "..")

func load(t *testing.T) *Action {
	t.Helper()
	a, err := Load(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// pinned are the actions action.yml may use, at a major version tag.
var pinned = regexp.MustCompile(`^(actions/setup-go|github/codeql-action/upload-sarif)@v[0-9]+$`)

// TestActionWiring: action.yml is a composite action whose inputs,
// steps and outputs refer to each other correctly: every input is used
// and every reference names an input, an earlier step's id and an output
// that step writes to $GITHUB_OUTPUT; scripts get inputs only through env
// (no ${{ }} in run:, where a value would be script text); other actions
// are pinned to a major version; the flags the scripts pass exist.
func TestActionWiring(t *testing.T) {
	a := load(t)
	if a.Runs.Using != "composite" || a.Name == "" || a.Description == "" {
		t.Fatalf("runs.using %q, name %q: want a described composite action", a.Runs.Using, a.Name)
	}
	used := map[string]bool{}
	check := func(where, expr string, before int) {
		for _, ref := range References(expr) {
			if err := resolvable(a, ref, before); err != nil {
				t.Errorf("%s: %s: %v", where, ref, err)
			}
			if name, ok := strings.CutPrefix(ref, "inputs."); ok {
				used[name] = true
			}
		}
	}
	for name, o := range a.Outputs {
		for _, e := range Expressions(o.Value) {
			check("outputs."+name, e, len(a.Runs.Steps))
		}
	}
	for i, s := range a.Runs.Steps {
		where := fmt.Sprintf("step %d (%s)", i+1, s.Name)
		check(where+" if", s.If, i)
		for k, v := range s.With {
			for _, e := range Expressions(v) {
				check(where+" with."+k, e, i)
			}
		}
		for k, v := range s.Env {
			for _, e := range Expressions(v) {
				check(where+" env."+k, e, i)
			}
		}
		switch {
		case s.Run != "" && s.Uses != "":
			t.Errorf("%s: both run and uses", where)
		case s.Run != "":
			if s.Shell != "bash" {
				t.Errorf("%s: shell %q, want bash (composite steps name their shell)", where, s.Shell)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s: an expression in run: (script injection); pass it through env", where)
			}
		case !pinned.MatchString(s.Uses):
			t.Errorf("%s: uses %q, want one of the known actions at a major version", where, s.Uses)
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is never used", name)
		}
	}
	checkFlags(t, a)
}

// resolvable reports whether a context reference made in step number
// before (len(steps) for outputs) names something that exists then.
func resolvable(a *Action, ref string, before int) error {
	parts := strings.Split(ref, ".")
	switch parts[0] {
	case "inputs":
		if _, ok := a.Inputs[parts[1]]; !ok || len(parts) != 2 {
			return fmt.Errorf("no such input")
		}
	case "steps":
		if len(parts) != 4 || parts[2] != "outputs" {
			return fmt.Errorf("want steps.ID.outputs.NAME")
		}
		i := slices.IndexFunc(a.Runs.Steps, func(s Step) bool { return s.ID == parts[1] })
		if i < 0 || i >= before {
			return fmt.Errorf("no earlier step with id %s", parts[1])
		}
		if !strings.Contains(a.Runs.Steps[i].Run, `echo "`+parts[3]+`=`) || !strings.Contains(a.Runs.Steps[i].Run, `>> "$GITHUB_OUTPUT"`) {
			return fmt.Errorf("step %s writes no %s to $GITHUB_OUTPUT", parts[1], parts[3])
		}
	case "github", "runner":
		if !slices.Contains([]string{"github.action_path", "github.action_ref", "github.workspace", "runner.temp"}, ref) {
			return fmt.Errorf("not a context value the steps' tests provide")
		}
	default:
		return fmt.Errorf("unknown context")
	}
	return nil
}

// flagRe matches a long flag a script passes to stacklint.
var flagRe = regexp.MustCompile(`(?:^|\s)--([a-z][a-z-]*)`)

// checkFlags: every flag the scripts pass to stacklint exists, and the
// lint step writes text and SARIF from one run.
func checkFlags(t *testing.T, a *Action) {
	root := cli.NewRootCommand(cli.BuildInfo{}, cli.IO{Out: io.Discard, Err: io.Discard})
	root.InitDefaultVersionFlag() // as Execute does
	lint := false
	for _, s := range a.Runs.Steps {
		for _, line := range strings.Split(s.Run, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "stacklint ") && !strings.Contains(line, "/stacklint\" ") {
				continue
			}
			for _, m := range flagRe.FindAllStringSubmatch(line, -1) {
				if root.Flags().Lookup(m[1]) == nil {
					t.Errorf("step %s passes --%s, which stacklint does not have", s.Name, m[1])
				}
			}
			lint = lint || strings.Contains(line, `--format text --format "sarif=$SARIF"`)
		}
	}
	if !lint {
		t.Error("no step runs stacklint --format text --format sarif=FILE")
	}
}

// TestActionDocumented: README.md and docs/usage.md show the action in a
// workflow, and docs/usage.md names each of its inputs and outputs.
func TestActionDocumented(t *testing.T) {
	a := load(t)
	for _, doc := range []string{"README.md", filepath.Join("docs", "usage.md")} {
		data, err := os.ReadFile(filepath.Join(repoRoot, doc))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "uses: stacklint/stacklint@v") {
			t.Errorf("%s does not show the action (uses: stacklint/stacklint@v...)", doc)
		}
		if doc == "README.md" {
			continue
		}
		for name := range a.Inputs {
			if !strings.Contains(string(data), "`"+name+"`") {
				t.Errorf("%s does not document the input %s", doc, name)
			}
		}
		for name := range a.Outputs {
			if !strings.Contains(string(data), "`"+name+"`") {
				t.Errorf("%s does not document the output %s", doc, name)
			}
		}
	}
}
