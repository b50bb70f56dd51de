package ghaction

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/version"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"
)

// runner runs a composite action's steps on this machine as a GitHub
// runner would: each shell step as `bash --noprofile --norc -eo pipefail
// FILE` in the workspace, with its env (expressions substituted), a fresh
// $GITHUB_OUTPUT, and $GITHUB_PATH's lines added to PATH for later steps.
// Steps that use another action are handed to uses.
type runner struct {
	t         *testing.T
	a         *Action
	inputs    map[string]string // with defaults filled in
	github    map[string]string // github.* and runner.* context values
	workspace string
	path      []string                     // added by $GITHUB_PATH
	outputs   map[string]map[string]string // step id: outputs
	logs      map[string]string            // step name: standard output and error
	uses      func(s Step, with map[string]string)
	failed    int // exit code of the step that failed (0: none)
}

func newRunner(t *testing.T, a *Action, inputs map[string]string, github map[string]string) *runner {
	r := &runner{t: t, a: a, inputs: map[string]string{}, github: github, workspace: github["github.workspace"],
		outputs: map[string]map[string]string{}, logs: map[string]string{}}
	for name, in := range a.Inputs {
		r.inputs[name] = in.Default
	}
	for name, v := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("no input %s", name)
		}
		r.inputs[name] = v
	}
	return r
}

// value is a context reference's value.
func (r *runner) value(ref string) (string, error) {
	parts := strings.Split(ref, ".")
	switch {
	case parts[0] == "inputs" && len(parts) == 2:
		return r.inputs[parts[1]], nil
	case parts[0] == "steps" && len(parts) == 4 && parts[2] == "outputs":
		return r.outputs[parts[1]][parts[3]], nil
	}
	if v, ok := r.github[ref]; ok {
		return v, nil
	}
	return "", fmt.Errorf("no value for %s", ref)
}

// condRe is the one form of if: the tests evaluate: comparisons of a
// reference with a string, joined by && (and always(), true: the steps run
// here never fail before the step that asks).
var condRe = regexp.MustCompile(`^([A-Za-z0-9_.-]+) (==|!=) '([^']*)'$`)

// cond evaluates an if: condition ("" is true, as a step without if runs
// when the earlier ones succeeded).
func (r *runner) cond(expr string) bool {
	if expr == "" {
		return true
	}
	for _, part := range strings.Split(expr, "&&") {
		if strings.TrimSpace(part) == "always()" {
			continue
		}
		m := condRe.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			r.t.Fatalf("if: %q: not a comparison the tests evaluate", expr)
		}
		v, err := r.value(m[1])
		if err != nil {
			r.t.Fatal(err)
		}
		if (v == m[3]) != (m[2] == "==") {
			return false
		}
	}
	return true
}

// substitute replaces the expressions in s, each a context reference.
func (r *runner) substitute(s string) string {
	out, err := Substitute(s, func(expr string) (string, error) { return r.value(expr) })
	if err != nil {
		r.t.Fatal(err)
	}
	return out
}

// run runs every step in order; after a failing step the others are
// skipped (none of action.yml's steps asks to run after a failure).
func (r *runner) run() {
	for _, s := range r.a.Runs.Steps {
		if r.failed != 0 || !r.cond(s.If) {
			continue
		}
		if s.Uses != "" {
			with := map[string]string{}
			for k, v := range s.With {
				with[k] = r.substitute(v)
			}
			r.uses(s, with)
			continue
		}
		r.shell(s)
	}
}

// shell runs a run: step.
func (r *runner) shell(s Step) {
	dir := r.t.TempDir()
	script, output, path := filepath.Join(dir, "step.sh"), filepath.Join(dir, "output"), filepath.Join(dir, "path")
	for _, f := range []string{output, path} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		r.t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = r.workspace
	env := []string{"GITHUB_OUTPUT=" + output, "GITHUB_PATH=" + path, "GITHUB_WORKSPACE=" + r.workspace,
		"GITHUB_ACTION_PATH=" + r.github["github.action_path"], "RUNNER_TEMP=" + r.github["runner.temp"],
		"PATH=" + strings.Join(append(append([]string{}, r.path...), os.Getenv("PATH")), string(os.PathListSeparator)),
		"HOME=" + os.Getenv("HOME"), "GOPATH=" + os.Getenv("GOPATH"), "GOCACHE=" + goEnv(r.t, "GOCACHE"), "GOFLAGS=" + os.Getenv("GOFLAGS"),
		"GOPROXY=" + os.Getenv("GOPROXY"), "GOMODCACHE=" + goEnv(r.t, "GOMODCACHE")}
	for k, v := range s.Env {
		env = append(env, k+"="+r.substitute(v))
	}
	cmd.Env = env
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	err := cmd.Run()
	r.logs[s.Name] = log.String()
	if err != nil {
		r.failed = cmd.ProcessState.ExitCode()
	}
	if s.ID != "" {
		r.outputs[s.ID] = keyValues(r.t, output)
	}
	added, _ := os.ReadFile(path)
	r.path = append(strings.Fields(string(added)), r.path...)
}

// keyValues reads a $GITHUB_OUTPUT file of NAME=VALUE lines.
func keyValues(t *testing.T, file string) map[string]string {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

func goEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestActionRunSteps (make integration; STACKLINT_ACTION=1): action.yml's
// steps run on this machine as a runner runs them, in a workspace holding
// testdata/demo two levels down (clouds/prod). setup-go is this machine's
// Go (checked against go.mod); the install step builds stacklint from this
// checkout; the upload step is replaced by checks of what it would
// upload: a SARIF 2.1.0 log whose URIs resolve from the workspace root.
// Three runs: the defaults (findings: the step fails with 1 after the
// upload), args and fail-level none without upload (passes; the args
// reach stacklint), and a path that does not exist (exit 2, no SARIF, no
// upload).
func TestActionRunSteps(t *testing.T) {
	if os.Getenv("STACKLINT_ACTION") == "" {
		t.Skip("make integration runs it (STACKLINT_ACTION=1): it builds stacklint")
	}
	a := load(t)
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	workspace, temp := t.TempDir(), t.TempDir()
	if err := os.CopyFS(filepath.Join(workspace, "clouds", "prod"), os.DirFS(filepath.Join(root, "testdata", "demo"))); err != nil {
		t.Fatal(err)
	}
	github := map[string]string{"github.action_path": root, "github.action_ref": "v0.0.0-action", "github.workspace": workspace, "runner.temp": temp}
	for _, tc := range []struct {
		name     string
		inputs   map[string]string
		code     string // the lint step's exit-code output
		failed   int    // the action's result
		uploaded bool
		log      []string
	}{
		{"defaults", map[string]string{"path": "clouds/prod"}, "1", 1, true,
			[]string{"clouds/prod/compute1/etc/nova/nova.conf:49:1  error    SL-PASS-003", "release stein (auto"}},
		{"args", map[string]string{"path": "./clouds/prod/", "args": " --no-color\n  --release zed  \n", "fail-level": "none", "upload-sarif": "false"}, "0", 0, false,
			[]string{"clouds/prod/compute1/etc/nova/nova.conf:49:1", "release zed (--release)"}},
		{"no snapshot", map[string]string{"path": "clouds/none"}, "2", 2, false,
			[]string{"stacklint: clouds/none: no such file or folder"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRunner(t, a, tc.inputs, github)
			uploaded := false
			r.uses = func(s Step, with map[string]string) {
				switch {
				case strings.HasPrefix(s.Uses, "actions/setup-go@"):
					checkGo(t, r.substitute(s.With["go-version-file"]))
				case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
					uploaded = true
					checkUpload(t, workspace, with)
				default:
					t.Fatalf("no stand-in for %s", s.Uses)
				}
			}
			r.run()
			lintLog := r.logs["Run stacklint"]
			t.Logf("install: %s", strings.TrimSpace(r.logs["Install stacklint"]))
			t.Logf("stacklint: %s (exit-code %s, sarif-file %q, uploaded %v, the action's exit %d)", lastLine(lintLog), r.outputs["lint"]["exit-code"], r.outputs["lint"]["sarif-file"], uploaded, r.failed)
			if got := r.outputs["lint"]["exit-code"]; got != tc.code || r.failed != tc.failed || uploaded != tc.uploaded {
				t.Errorf("exit-code %q (want %s), action failed with %d (want %d), uploaded %v\n%s%s", got, tc.code, r.failed, tc.failed, uploaded, r.logs["Install stacklint"], lintLog)
			}
			for _, w := range tc.log {
				if !strings.Contains(lintLog, w) {
					t.Errorf("the step's log lacks %q:\n%s", w, lintLog)
				}
			}
			if !strings.Contains(r.logs["Install stacklint"], "v0.0.0-action") {
				t.Errorf("the installed stacklint does not carry the action's ref: %s", r.logs["Install stacklint"])
			}
			for name, o := range a.Outputs {
				if v := r.substitute(o.Value); name == "exit-code" && v != tc.code || name == "sarif-file" && (v != "") != (tc.code != "2") {
					t.Errorf("output %s = %q", name, v)
				}
			}
			if tc.name == "args" {
				checkRelease(t, r.outputs["lint"]["sarif-file"], "zed")
			}
		})
	}
}

// checkGo stands in for actions/setup-go: this machine's Go must be at
// least the version go.mod asks for.
func checkGo(t *testing.T, goMod string) {
	data, err := os.ReadFile(goMod)
	if err != nil {
		t.Fatalf("setup-go's go-version-file: %v", err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(data)
	if m == nil || version.Compare(runtime.Version(), "go"+string(m[1])) < 0 {
		t.Fatalf("go.mod asks for go %s; this machine has %s", m, runtime.Version())
	}
}

// checkUpload stands in for github/codeql-action/upload-sarif: the file
// is a valid SARIF 2.1.0 log (the schema vendored in internal/report)
// with results, each located by a URI relative to the repository root
// (uriBaseId %SRCROOT%) that names a file of the workspace.
func checkUpload(t *testing.T, workspace string, with map[string]string) {
	data, err := os.ReadFile(with["sarif_file"])
	if err != nil || with["category"] != "stacklint" {
		t.Fatalf("sarif_file %q, category %q: %v", with["sarif_file"], with["category"], err)
	}
	schema, err := os.ReadFile(filepath.Join("..", "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewBytesLoader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF schema: %s", e)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) < 10 {
		t.Fatalf("want one run with the demo's findings: %.300s", data)
	}
	for _, res := range log.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation.ArtifactLocation
		u, err := url.Parse(loc.URI)
		if err != nil || u.Scheme != "" || loc.URIBaseID != "%SRCROOT%" || !strings.HasPrefix(u.Path, "clouds/prod/") {
			t.Errorf("uri %q (%s): want a path relative to the repository root", loc.URI, loc.URIBaseID)
			continue
		}
		if _, err := os.Stat(filepath.Join(workspace, filepath.FromSlash(u.Path))); err != nil {
			t.Errorf("uri %q names no file of the workspace: %v", loc.URI, err)
		}
	}
}

// checkRelease: the SARIF log's invocation says the release args set.
func checkRelease(t *testing.T, file, want string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"name": "`+want+`",`) || !strings.Contains(string(data), `"source": "--release"`) {
		t.Errorf("args did not reach stacklint: no release %s from --release in the SARIF log", want)
	}
}

// lastLine is the last line of a log.
func lastLine(log string) string {
	lines := strings.Split(strings.TrimSpace(log), "\n")
	return lines[len(lines)-1]
}
