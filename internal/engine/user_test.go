package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stacklint/stacklint/rules"
)

// writeTree writes files (path -> content) below root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// customRule is a custom rule module: METADATA fields (one per line,
// under custom: when indented), the package, then body.
func customRule(meta, pkg, body string) string {
	return "# METADATA\n" + meta + "package " + pkg + "\n\n" + body + "\n"
}

const goodMeta = "# title: t\n# description: d\n# custom:\n#   id: MYSITE-001\n#   severity: warning\n#   remediation: r\n"

const noReport = "report contains x if { x := {\"message\": \"m\", \"locations\": []}; false }"

// TestUserRulesContract: each break of the rule contract is exit-2 input
// naming FILE:LINE (the METADATA block or the offending line), every
// problem at once.
func TestUserRulesContract(t *testing.T) {
	cases := map[string]struct {
		files map[string]string
		want  []string
	}{
		"missing fields": {map[string]string{"a/x/x.rego": customRule("# title: t\n# custom:\n#   id: MYSITE-001\n", "stacklint.rules.a.x", noReport)},
			[]string{"/a/x/x.rego:1: METADATA lacks custom.remediation, custom.severity, description"}},
		"built-in prefix": {map[string]string{"a/x/x.rego": customRule(strings.Replace(goodMeta, "MYSITE-001", "sl-hyg-900", 1), "stacklint.rules.a.x", noReport)},
			[]string{"/a/x/x.rego:1: rule id sl-hyg-900 uses the built-in prefix SL-"}},
		"two rules, one id": {map[string]string{
			"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", noReport),
			"a/y/y.rego": "\n" + customRule(strings.Replace(goodMeta, "MYSITE-001", "mysite-001", 1), "stacklint.rules.a.y", noReport)},
			[]string{"/a/y/y.rego:2: rule id mysite-001 is already used by "}},
		"bad severity": {map[string]string{"a/x/x.rego": customRule(strings.Replace(goodMeta, "warning", "fatal", 1), "stacklint.rules.a.x", noReport)},
			[]string{`/a/x/x.rego:1: severity "fatal" is not one of`}},
		"folder mismatch": {map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.other", noReport)},
			[]string{"/a/x/x.rego:1: package a.other does not match its directory"}},
		"parse error": {map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "report contains if {")},
			[]string{"/a/x/x.rego:10: unexpected if keyword"}},
		"lib package": {map[string]string{"h/h.rego": "\n\npackage stacklint.lib.mine\n\nx := 1\n"},
			[]string{"/h/h.rego:3: package stacklint.lib.mine is stacklint's own"}},
		"built-in package": {map[string]string{"h/debug_enabled/debug_enabled.rego": "package stacklint.rules.hygiene.debug_enabled\n\nx := 1\n"},
			[]string{"/h/debug_enabled/debug_enabled.rego:1: package stacklint.rules.hygiene.debug_enabled clashes with the built-in rule SL-HYG-011"}},
		"no report rule": {map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "deny contains \"m\" if true")},
			[]string{"/a/x/x.rego:1: package stacklint.rules.a.x defines no report rule"}},
		"defaults option misspelt": {map[string]string{"a/x/x.rego": customRule(goodMeta+"#   defaults:\n#     - [nova.conf, DEFAULT, reserved_host_memory_mbb]\n", "stacklint.rules.a.x", noReport)},
			[]string{"/a/x/x.rego:9: custom.defaults [nova.conf, DEFAULT, reserved_host_memory_mbb]: no release registers [DEFAULT] reserved_host_memory_mbb in nova.conf (reserved_host_memory_mb?)"}},
		"defaults kind misspelt": {map[string]string{"a/x/x.rego": customRule(goodMeta+"#   defaults:\n#     - [nova.cnf, DEFAULT, reserved_host_memory_mb]\n", "stacklint.rules.a.x", noReport)},
			[]string{"/a/x/x.rego:9: custom.defaults [nova.cnf, DEFAULT, reserved_host_memory_mb]: no release has an option schema of file kind nova.cnf (nova.conf?)"}},
		"defaults group misspelt": {map[string]string{"a/x/x.rego": customRule(goodMeta+"#   defaults:\n#     - [nova.conf, DEFAULTT, reserved_host_memory_mb]\n", "stacklint.rules.a.x", noReport)},
			[]string{"/a/x/x.rego:9: custom.defaults [nova.conf, DEFAULTT, reserved_host_memory_mb]: nova.conf has no group [DEFAULTT] in any release ([DEFAULT]?)"}},
		"empty folder": {map[string]string{}, []string{": holds no custom rule (.rego files with a package stacklint.rules.<category>.<name>)"}},
		"helpers only": {map[string]string{"h/h.rego": "package mysite.lib\n\nx := 1\n"}, []string{": holds no custom rule"}},
		"empty module": {map[string]string{"a/x/x.rego": "# only a comment\n"}, []string{"/a/x/x.rego:1: empty module (no package)"}},
		"every problem at once": {map[string]string{
			"a/x/x.rego": customRule(strings.Replace(goodMeta, "MYSITE-001", "SL-X", 1), "stacklint.rules.a.x", noReport),
			"h/h.rego":   "package stacklint.fixtures\n"},
			[]string{"2 problems", "/a/x/x.rego:1: rule id SL-X", "/h/h.rego:1: package stacklint.fixtures"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, c.files)
			_, err := New(context.Background(), rules.FS, UserRules(dir))
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("want a ProblemsError, got %v", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q\nlacks %q", err, w)
				}
			}
		})
	}
}

// TestUserRuleLoads: a rule that follows the contract loads with the
// built-in ones, marked with its folder, custom.inputs optional, and its
// helpers in a package of its own.
func TestUserRuleLoads(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/x/x.rego":      customRule(goodMeta, "stacklint.rules.a.x", "import data.mysite.lib\n\nreport contains {\"message\": lib.m, \"locations\": []} if true"),
		"lib/m.rego":      "package mysite.lib\n\nm := \"hello\"\n",
		"a/x/x_test.rego": "package stacklint.rules.a.x_test\n\nimport data.stacklint.lib\n\ntest_x if http.send({})\n",
	})
	e, err := New(context.Background(), rules.FS, UserRules(dir, dir))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := e.Rule("mysite-001")
	if !ok || r.Source != dir || r.File != filepath.Join(dir, "a/x/x.rego") || r.Scope != "fleet" || len(r.Inputs) != 0 {
		t.Fatalf("%+v", r)
	}
	fs, err := e.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
	if err != nil || len(fs) != 1 || fs[0].Rule != "MYSITE-001" || fs[0].Message != "hello" {
		t.Fatalf("%v %+v", err, fs)
	}
}

// TestSandboxRefusesEachBuiltin: every built-in that is not pure is
// refused in a custom module, with FILE:LINE and why.
func TestSandboxRefusesEachBuiltin(t *testing.T) {
	calls := map[string]string{
		"http.send":            `http.send({"method": "get", "url": "http://x"})`,
		"net.lookup_ip_addr":   `net.lookup_ip_addr("example.com")`,
		"net.cidr_contains":    `net.cidr_contains("10.0.0.0/8", "10.0.0.1")`,
		"opa.runtime":          `opa.runtime()`,
		"time.now_ns":          `time.now_ns()`,
		"time.parse_ns":        `time.parse_ns("2006", "2020")`,
		"rand.intn":            `rand.intn("x", 10)`,
		"uuid.rfc4122":         `uuid.rfc4122("x")`,
		"uuid.parse":           `uuid.parse("x")`,
		"io.jwt.decode_verify": `io.jwt.decode_verify("x", {})`,
		"crypto.x509.parse_and_verify_certificates":              `crypto.x509.parse_and_verify_certificates("x")`,
		"crypto.x509.parse_and_verify_certificates_with_options": `crypto.x509.parse_and_verify_certificates_with_options("x", {})`,
		"trace": `trace("x")`,
		"print": `print("x")`,
	}
	why := map[string]string{"http.send": "it reaches the network", "opa.runtime": "it reads the environment", "time.now_ns": "it reads the clock",
		"rand.intn": "it is random", "print": "it writes outside the report", "io.jwt.decode_verify": "it reads the clock"}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "report contains {\"message\": \"m\", \"locations\": []} if {\n\tx := "+call+"\n\tx\n}")})
			_, err := New(context.Background(), rules.FS, UserRules(dir))
			want := filepath.Join(dir, "a/x/x.rego") + ":11: custom rules may not call " + name + " ("
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "); only pure built-ins are allowed") {
				t.Fatalf("want %q, got %v", want, err)
			}
			if w := why[name]; w != "" && !strings.Contains(err.Error(), "("+w+")") {
				t.Errorf("%v lacks (%s)", err, w)
			}
		})
	}
}

const slowRule = "report contains {\"message\": sprintf(\"%d\", [count(numbers.range(1, 1e9))]), \"locations\": []} if true"

// TestNumbersRangeEndsInTheTimeLimit: numbers.range(1, 1e9) stops at the
// rule's time limit, naming the rule; and, under a long limit, at its heap
// budget.
func TestNumbersRangeEndsInTheTimeLimit(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", slowRule)})
	for _, c := range []struct {
		opts []Option
		want string
		max  time.Duration
	}{
		{[]Option{RuleTimeout(300 * time.Millisecond)}, "did not finish within 300ms", 5 * time.Second},
		{[]Option{RuleTimeout(time.Hour), withHeapBudget(64 << 20)}, "used more than", 30 * time.Second},
	} {
		e, err := New(context.Background(), rules.FS, append(c.opts, UserRules(dir))...)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, err = e.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
		var te *TimeoutError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), "custom rule MYSITE-001 ("+filepath.Join(dir, "a/x/x.rego")+") "+c.want) {
			t.Fatalf("got %v", err)
		}
		if d := time.Since(start); d > c.max {
			t.Errorf("took %s", d)
		}
	}
}

// TestUserRulesHostileFiles: a named pipe or a symbolic link among the
// custom .rego files is an error naming it, never a hang or a read outside.
func TestUserRulesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", noReport)})
	if err := syscall.Mkfifo(filepath.Join(dir, "a/pipe.rego"), 0o644); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "a/link.rego")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, "a/linkdir")); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := New(context.Background(), rules.FS, UserRules(dir))
		done <- err
	}()
	select {
	case err := <-done:
		for _, f := range []string{"a/pipe.rego", "a/link.rego", "a/linkdir"} {
			if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, f)) {
				t.Errorf("%v does not name %s", err, f)
			}
		}
	case <-time.After(time.Minute):
		t.Fatal("a named pipe among the custom rules hangs the run")
	}
}

// TestUserRuleMalformedFinding: a custom rule whose report holds something
// other than a finding with a message fails the run, naming the rule.
func TestUserRuleMalformedFinding(t *testing.T) {
	for _, elem := range []string{`{"msg": "x"}`, `"plain"`, `{"message": 3, "locations": []}`} {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "report contains "+elem+" if true")})
		eng, err := New(context.Background(), rules.FS, UserRules(dir))
		if err != nil {
			t.Fatal(err)
		}
		_, err = eng.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
		if err == nil || !strings.Contains(err.Error(), "MYSITE-001") || !strings.Contains(err.Error(), "returned a finding that is not") {
			t.Errorf("%s: %v, want an error naming MYSITE-001", elem, err)
		}
	}
}

// TestUserRuleBadSeverity: a finding's own severity that is none of
// stacklint's fails the run naming the rule and its file.
func TestUserRuleBadSeverity(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", `report contains {"message": "m", "locations": [], "severity": "fatal"} if true`)})
	eng, err := New(context.Background(), rules.FS, UserRules(dir))
	if err != nil {
		t.Fatal(err)
	}
	_, err = eng.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
	if err == nil || !strings.Contains(err.Error(), "MYSITE-001 ("+filepath.Join(dir, "a/x/x.rego")+") returned severity \"fatal\"") {
		t.Errorf("%v, want an error naming MYSITE-001 and its file", err)
	}
}

// TestUserRuleLoadErrorLines: load problems come one "FILE:LINE: message"
// per line after a count line, each once (a file that is not UTF-8 gave
// the same problem three times); OPA's compile errors too, without OPA's
// error code, and the same rule package in two folders names both files.
func TestUserRuleLoadErrorLines(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "report contains {\"message\": \"\xff\xfe\xff\", \"locations\": []} if true"),
	})
	_, err := New(context.Background(), rules.FS, UserRules(dir))
	if err == nil || !strings.HasPrefix(err.Error(), "custom rules: 2 problems:\n") || strings.Count(err.Error(), "illegal utf-8 character") != 1 {
		t.Errorf("%v\nwant a count line, then the bad character once", err)
	}
	if err != nil {
		for _, l := range strings.Split(err.Error(), "\n")[1:] {
			if !strings.HasPrefix(l, filepath.Join(dir, "a/x/x.rego")+":10: ") {
				t.Errorf("%q is not FILE:LINE: message", l)
			}
		}
	}

	undefined := t.TempDir()
	writeTree(t, undefined, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", "report contains {\"message\": strings.repeat(\"a\", 2), \"locations\": []} if true")})
	_, err = New(context.Background(), rules.FS, UserRules(undefined))
	if want := "custom rules: " + filepath.Join(undefined, "a/x/x.rego") + ":10: undefined function strings.repeat"; err == nil || err.Error() != want {
		t.Errorf("%v\nwant %s", err, want)
	}

	one, two := t.TempDir(), t.TempDir()
	writeTree(t, one, map[string]string{"a/x/x.rego": customRule(goodMeta, "stacklint.rules.a.x", noReport)})
	writeTree(t, two, map[string]string{"a/x/x.rego": customRule(strings.Replace(goodMeta, "MYSITE-001", "MYSITE-002", 1), "stacklint.rules.a.x", noReport)})
	_, err = New(context.Background(), rules.FS, UserRules(one, two))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(two, "a/x/x.rego")+":1: this package's METADATA is also declared at "+filepath.Join(one, "a/x/x.rego")+":1") {
		t.Errorf("%v, want both files named", err)
	}
}
