package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const (
	customDir    = "../../testdata/custom-rules/rules"
	customDeploy = "../../testdata/custom-rules/deployment"
)

// customSnapshot copies the custom-rules deployment to a temporary folder
// (for edits), with extra files; it returns the snapshot's folder.
func customSnapshot(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	nova, err := os.ReadFile(filepath.Join(customDeploy, "compute1/etc/nova/nova.conf"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"compute1/etc/nova/nova.conf": string(nova)}
	for k, v := range extra {
		files[k] = v
	}
	tree(t, dir, files)
	return dir
}

// customFindings are the findings of a JSON report by rule: their
// severities, and whether each is suppressed.
func customFindings(t *testing.T, out string) map[string][]string {
	t.Helper()
	var d struct {
		Findings []struct {
			Rule, Severity string
			Suppressed     any
		}
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	got := map[string][]string{}
	for _, f := range d.Findings {
		s := f.Severity
		if f.Suppressed != nil {
			s = "suppressed"
		}
		got[f.Rule] = append(got[f.Rule], s)
	}
	return got
}

// TestCustomRulesEveryFormat: a custom rule's findings and metadata reach
// every format as a built-in's do; exit 1 on its error.
func TestCustomRulesEveryFormat(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "html"} {
		code, out, errs := run(t, "--rules", customDir, "--format", format, customDeploy)
		if code != 1 || !strings.Contains(out, "MYSITE-001") || !strings.Contains(out, "MYSITE-002") {
			t.Errorf("%s: exit %d, %s\n%s", format, code, errs, out)
		}
		if format == "sarif" && (!strings.Contains(out, "Keystone is reached over https") || !strings.Contains(out, `"source": "../../testdata/custom-rules/rules"`) || strings.Contains(out, "docs/rules/MYSITE-001.md")) {
			t.Errorf("sarif: the custom rule's descriptor is wrong:\n%s", out)
		}
		if format == "junit" && strings.Contains(out, "docs/rules/MYSITE") {
			t.Errorf("junit links a custom rule to stacklint's docs")
		}
	}
}

// TestCustomRulesListedAndExplained: rules lists custom rules with their
// folder (SOURCE; JSON source), explain explains them.
func TestCustomRulesListedAndExplained(t *testing.T) {
	code, out, errs := run(t, "rules", "--config", "none", "--rules", customDir)
	if code != 0 || !strings.Contains(out, "SOURCE") || !regexpLine(out, `MYSITE-001 +error +mysite +../../testdata/custom-rules/rules +Keystone is reached over https`) ||
		!regexpLine(out, `SL-HYG-011 +info +hygiene +built-in +`) {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
	code, out, _ = run(t, "rules", "--config", "none", "--rules", customDir, "--format", "json")
	if code != 0 || !strings.Contains(out, `"source": "../../testdata/custom-rules/rules"`) {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, errs = run(t, "explain", "--config", "none", "--rules", customDir, "mysite-002")
	if code != 0 || !strings.Contains(out, "MYSITE-002: CPU overcommit stays within our limit") || !strings.Contains(out, "max_ratio (default 4)") ||
		!strings.Contains(out, "Custom rule: ../../testdata/custom-rules/rules/mysite/cpu_ratio/cpu_ratio.rego") {
		t.Errorf("exit %d %s\n%s", code, errs, out)
	}
	if code, _, _ := run(t, "explain", "--config", "none", "MYSITE-002"); code != ExitUsage {
		t.Errorf("without --rules, explain MYSITE-002: exit %d", code)
	}
}

func regexpLine(out, re string) bool {
	for _, l := range strings.Split(out, "\n") {
		if matched(re, l) {
			return true
		}
	}
	return false
}

// TestCustomRulesIgnoresAndBaselines: a stacklint:ignore comment, the
// configuration's ignores and a baseline suppress a custom rule's findings.
func TestCustomRulesIgnoresAndBaselines(t *testing.T) {
	t.Parallel()
	snap := customSnapshot(t, nil)
	nova := filepath.Join(snap, "compute1/etc/nova/nova.conf")
	src, _ := os.ReadFile(nova)
	commented := strings.Replace(string(src), "www_authenticate_uri", "# stacklint:ignore MYSITE-001 the lab's keystone has no certificate\nwww_authenticate_uri", 1)
	if err := os.WriteFile(nova, []byte(commented), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errs := run(t, "--rules", customDir, "--config", "none", "-f", "json", snap)
	t.Log(errs)
	if got := customFindings(t, out); strings.Join(got["MYSITE-001"], ",") != "suppressed" {
		t.Errorf("comment: %v", got)
	}
	snap = customSnapshot(t, map[string]string{".stacklint.yaml": "ignores:\n  - rule: MYSITE-002\n    path: compute1/etc/nova/nova.conf\n    reason: agreed with the capacity team\n"})
	_, out, errs = run(t, "--rules", customDir, "-f", "json", snap)
	if got := customFindings(t, out); strings.Join(got["MYSITE-002"], ",") != "suppressed" {
		t.Errorf("ignores: %v %s", got, errs)
	}
	snap = customSnapshot(t, nil)
	base := filepath.Join(t.TempDir(), "baseline.json")
	if code, _, errs := run(t, "--rules", customDir, "--config", "none", "--write-baseline", base, snap); code != 0 {
		t.Fatalf("write-baseline: exit %d %s", code, errs)
	}
	code, out, _ := run(t, "--rules", customDir, "--config", "none", "--baseline", base, "-f", "json", snap)
	got := customFindings(t, out)
	if code != 0 || strings.Join(got["MYSITE-001"], ",") != "suppressed" || strings.Join(got["MYSITE-002"], ",") != "suppressed" {
		t.Errorf("baseline: exit %d %v", code, got)
	}
}

// TestCustomRulesConfigured: levels, parameters and enable/disable by id
// and category apply to custom rules; the configuration may name the
// folders (a list, or paths: beside the levels), relative to itself.
func TestCustomRulesConfigured(t *testing.T) {
	t.Parallel()
	cases := []struct {
		config string
		args   []string
		want   string // MYSITE-001's, then MYSITE-002's severities
	}{
		{"rules:\n  MYSITE-001: info\n  MYSITE-002:\n    params:\n      max_ratio: 16\n", []string{"--rules", customDir}, "info|"},
		{"rules:\n  mysite: info\n", []string{"--rules", customDir}, "info|info"},
		{"disable: [mysite]\nenable: [MYSITE-002]\n", []string{"--rules", customDir}, "|warning"},
		{"disable: [MYSITE-001]\n", []string{"--rules", customDir}, "|warning"},
		{"rules:\n  - myrules\n", nil, "error|warning"},
		{"rules:\n  paths: [myrules]\n  MYSITE-002: error\n", []string{"--rules", "SNAP/myrules/"}, "error|error"}, // the same folder twice: once
	}
	for _, c := range cases {
		files := copyRules(t, "myrules")
		files[".stacklint.yaml"] = c.config
		snap := customSnapshot(t, files)
		args := []string{"-f", "json"}
		for _, a := range c.args {
			args = append(args, strings.Replace(a, "SNAP", snap, 1))
		}
		args = append(args, snap)
		_, out, errs := run(t, args...)
		if out == "" {
			t.Fatalf("%q: %s", c.config, errs)
		}
		got := customFindings(t, out)
		if s := strings.Join(got["MYSITE-001"], ",") + "|" + strings.Join(got["MYSITE-002"], ","); s != c.want {
			t.Errorf("%q: %s, want %s (%s)", c.config, s, c.want, errs)
		}
	}
}

// copyRules is the testdata rules' files, below folder to.
func copyRules(t *testing.T, to string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(customDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(customDir, p)
		out[filepath.ToSlash(filepath.Join(to, rel))] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestConfigRulePathsStayInside: a configuration's rules paths may not
// leave its folder (absolute, .., or a link leading out): exit 2 naming
// the file and line.
func TestConfigRulePathsStayInside(t *testing.T) {
	abs, err := filepath.Abs(customDir)
	if err != nil {
		t.Fatal(err)
	}
	for cfg, want := range map[string]string{
		"release: auto\nrules:\n  - ../rules\n": ".stacklint.yaml:3: rules.paths: \"../rules\" must be a folder below",
		"rules:\n  paths:\n    - " + abs + "\n": ".stacklint.yaml:3: rules.paths: \"" + abs + "\" must be a folder below",
		"rules:\n  - out\n":                     ".stacklint.yaml:2: rules.paths: out leads outside",
		"rules:\n  paths: [missing]\n":          ".stacklint.yaml:2: rules.paths: missing: no such file or directory",
		"rules:\n  pathz: off\n":                ".stacklint.yaml:2: rules: unknown rule id or category \"pathz\"",
	} {
		snap := customSnapshot(t, map[string]string{".stacklint.yaml": cfg, "out": "->" + abs})
		code, _, errs := run(t, snap)
		if code != ExitUsage || !strings.Contains(errs, want) {
			t.Errorf("%q: exit %d %s, want %s", cfg, code, errs, want)
		}
	}
}

// TestCustomRuleTimeLimit: numbers.range(1, 1e9) in a custom rule ends at
// --rule-timeout with exit 2 naming the rule and its file.
func TestCustomRuleTimeLimit(t *testing.T) {
	dir := t.TempDir()
	tree(t, dir, map[string]string{"mysite/slow/slow.rego": "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: MYSITE-900\n#   severity: info\n#   remediation: r\npackage stacklint.rules.mysite.slow\n\n" +
		"report contains {\"message\": sprintf(\"%d\", [count(numbers.range(1, 1e9))]), \"locations\": []} if true\n"})
	for _, args := range [][]string{{"--rule-timeout", "300ms"}, nil} {
		snap := customSnapshot(t, map[string]string{".stacklint.yaml": "rule_timeout: 300ms\n"})
		code, out, errs := run(t, append(append([]string{"--rules", dir}, args...), snap)...)
		want := "stacklint: custom rule MYSITE-900 (" + filepath.Join(dir, "mysite/slow/slow.rego") + ") did not finish within 300ms\n"
		if code != ExitUsage || errs != want || out != "" {
			t.Errorf("exit %d, stderr %q, want %q; stdout %q", code, errs, want, out)
		}
	}
}

// TestCustomRulesSeeNoSecret: a hostile custom rule that puts every string
// of its input (values and keys), and the whole input as JSON, into
// finding messages shows fingerprints only, in every format.
func TestCustomRulesSeeNoSecret(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tree(t, dir, map[string]string{"evil/walk/walk.rego": "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: EVIL-001\n#   severity: error\n#   remediation: r\npackage stacklint.rules.evil.walk\n\n" +
		"report contains {\"message\": s, \"locations\": []} if {\n\twalk(input, [path, v])\n\tsome s in array.concat([x | some x in path; is_string(x)], [v | is_string(v)])\n}\n\n" +
		"report contains {\"message\": json.marshal(input), \"locations\": []}\n"})
	planted := []string{"Ns6v-nova-svc", "Rb5t-rabbit"}
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "html"} {
		code, out, errs := run(t, "--rules", dir, "--config", "none", "--format", format, customDeploy)
		if code != 1 || !strings.Contains(out, "EVIL-001") || !strings.Contains(out, "fp:") {
			t.Fatalf("%s: exit %d %s (the hostile rule did not report)", format, code, errs)
		}
		for _, s := range planted {
			if strings.Contains(out+errs, s) {
				t.Errorf("%s: the planted secret %s is in the output", format, s)
			}
		}
	}
}

// TestTestCommand: stacklint test runs the custom tests against lib and
// the fixtures: exit 0 all pass, 1 one fails, 2 bad input (a refused
// built-in in a test); coverage in text and as OPA's JSON report.
func TestTestCommand(t *testing.T) {
	code, out, errs := run(t, "test", customDir)
	if code != 0 || out != "PASS: 2/2\n" {
		t.Errorf("exit %d %q %s", code, out, errs)
	}
	code, out, _ = run(t, "test", "-v", "--coverage", customDir)
	for _, w := range []string{"data.stacklint.rules.mysite.https_auth_test.test_https_is_fine: PASS\n", "PASS: 2/2\n", "COVERAGE\n",
		"../../testdata/custom-rules/rules/mysite/cpu_ratio/cpu_ratio.rego: ", "% covered"[:0] + ", not covered: lines "} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("exit %d, lacks %q:\n%s", code, w, out)
		}
	}
	code, out, _ = run(t, "test", "--coverage", "--format", "json", customDir)
	var rep struct {
		Files    map[string]any `json:"files"`
		Coverage float64        `json:"coverage"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || rep.Files["../../testdata/custom-rules/rules/mysite/https_auth/https_auth.rego"] == nil || rep.Coverage <= 0 {
		t.Errorf("exit %d\n%s", code, out)
	}
	dir := t.TempDir()
	tree(t, dir, map[string]string{"t/x_test.rego": "package mysite.x_test\n\ntest_one if 1 == 1\n\ntest_two if 1 == 2\n"})
	code, out, _ = run(t, "test", dir)
	if code != ExitFindings || !strings.Contains(out, "data.mysite.x_test.test_two: FAIL\n") || !strings.Contains(out, "PASS: 1/2\nFAIL: 1/2\n") {
		t.Errorf("exit %d\n%s", code, out)
	}
	slow := t.TempDir()
	tree(t, slow, map[string]string{"t/s_test.rego": "package mysite.s_test\n\ntest_slow if count(numbers.range(1, 1e9)) > 0\n"})
	code, out, errs = run(t, "test", "--rule-timeout", "300ms", slow)
	want := "custom test data.mysite.s_test.test_slow (" + filepath.Join(slow, "t/s_test.rego") + ":3) did not finish within 300ms"
	if code != ExitUsage || out != "" || !strings.Contains(errs, want) {
		t.Errorf("a test past --rule-timeout: exit %d, want 2 and %q\n%s%s", code, want, out, errs)
	}
	tree(t, dir, map[string]string{"t/y_test.rego": "package mysite.y_test\n\ntest_net if http.send({\"url\": \"http://x\"})\n"})
	code, _, errs = run(t, "test", dir)
	if code != ExitUsage || !strings.Contains(errs, filepath.Join(dir, "t/y_test.rego")+":3: custom rules may not call http.send (it reaches the network)") {
		t.Errorf("exit %d %s", code, errs)
	}
}

func matched(re, s string) bool { return regexp.MustCompile(re).MatchString(s) }

// TestCustomRuleWithoutInputs: a custom rule without custom.inputs is
// never listed as a check without input (--verbose); one with inputs the
// snapshot lacks is.
func TestCustomRuleWithoutInputs(t *testing.T) {
	snap := t.TempDir()
	tree(t, snap, map[string]string{"c1/etc/glance/glance-api.conf": "[DEFAULT]\ndebug = false\n"})
	_, _, errs := run(t, "--rules", customDir, "--config", "none", "-v", snap)
	if strings.Contains(errs, "no input: MYSITE-001") || !strings.Contains(errs, "no input: MYSITE-002 ") {
		t.Errorf("%s", errs)
	}
}

// TestCustomRuleBadLocation: a custom rule's finding located outside the
// snapshot's files (a path of its own making, one holding a newline) or at
// a negative line stops the run with exit 2 naming the rule and the
// location, quoted; one located with lib.loc-like paths runs.
func TestCustomRuleBadLocation(t *testing.T) {
	t.Parallel()
	meta := "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: MYSITE-700\n#   severity: info\n#   remediation: r\npackage stacklint.rules.mysite.loc\n\n"
	for loc, want := range map[string]string{
		`{"path": "../../../../etc/shadow", "line": 3}`:                          `returned the location path "../../../../etc/shadow" line 3 column 0, which is not a file of the snapshot`,
		`{"path": "compute1/etc/nova/nova.conf\n::error::x"}`:                    `returned the location path "compute1/etc/nova/nova.conf\n::error::x" line 0 column 0, which is not a file`,
		`{"path": "compute1/etc/nova/nova.conf", "line": -5}`:                    `line -5 column 0, which has a negative line or column`,
		`{"path": "compute1/etc/nova/nova.conf", "line": 2}`:                     "",
		`{"path": "compute1/etc/nova/nova.conf", "line": 2, "node": "compute1"}`: "",
		`{"path": "compute1/etc/nova/nova.conf", "node": "x\n::error::y"}`:       `which names node "x\n::error::y", not the file's "compute1"`,
		`{"path": "compute1/etc/nova/nova.conf", "column": -1}`:                  "which has a negative line or column",
	} {
		dir := t.TempDir()
		tree(t, dir, map[string]string{"mysite/loc/loc.rego": meta + "report contains {\"message\": \"m\", \"locations\": [" + loc + "]} if true\n"})
		code, out, errs := run(t, "--rules", dir, "--config", "none", customDeploy)
		if want == "" {
			if code == ExitUsage || !strings.Contains(out, "MYSITE-700") {
				t.Errorf("%s: exit %d %s%s", loc, code, out, errs)
			}
			continue
		}
		if code != ExitUsage || !strings.Contains(errs, "custom rule MYSITE-700 ("+filepath.Join(dir, "mysite/loc/loc.rego")+") ") || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q, want %q", loc, code, errs, want)
		}
	}
}

// TestCustomRuleProblemsLines: several load problems print as a count line
// then one FILE:LINE: message line each; a newline in a path stays \n.
func TestCustomRuleProblemsLines(t *testing.T) {
	dir := t.TempDir()
	meta := "# METADATA\n# title: t\n# description: d\n# custom:\n#   id: SL-9\n#   severity: info\n#   remediation: r\n"
	tree(t, dir, map[string]string{
		"a/x/x.rego":             meta + "package stacklint.rules.a.x\n\nreport contains {\"message\": \"m\", \"locations\": []} if true\n",
		"a/y\n::error::z/y.rego": "package stacklint.fixtures\n",
	})
	code, _, errs := run(t, "--rules", dir, "--config", "none", customDeploy)
	lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
	if code != ExitUsage || len(lines) != 3 || lines[0] != "stacklint: custom rules: 2 problems:" {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, dir+"/a/") || !matched(`\.rego:1: `, l) {
			t.Errorf("%q is not FILE:LINE: message", l)
		}
	}
	if !strings.Contains(errs, `a/y\n::error::z/y.rego:1: package stacklint.fixtures`) {
		t.Errorf("the newline is not escaped:\n%s", errs)
	}
}
