package engine

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/stacklint/stacklint/rules"
)

// TestRegoUnitTests runs every *_test.rego next to the rules.
func TestRegoUnitTests(t *testing.T) {
	ruleMods, tests, err := Modules(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]*ast.Module{}
	for k, v := range ruleMods {
		all[k] = v
	}
	for k, v := range tests {
		all[k] = v
	}
	ctx := context.Background()
	store := inmem.New()
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Abort(ctx, txn)
	c := ast.NewCompiler().WithCapabilities(Capabilities())
	ch, err := tester.NewRunner().SetCompiler(c).SetStore(store).SetModules(all).
		AddCustomBuiltins([]*tester.Builtin{{Decl: effectiveDecl, Func: withBuiltins()}, {Decl: countValuesDecl, Func: func(*rego.Rego) {}}}).RunTests(ctx, txn)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := r.Package + "." + r.Name
		if r.Error != nil {
			t.Errorf("%s: %v", name, r.Error)
		} else if r.Fail {
			t.Errorf("%s failed at %v", name, r.FailedAt)
		}
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
}

func TestEngineCompilesAndEvaluates(t *testing.T) {
	e, err := New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Rules) == 0 {
		t.Fatal("no rules")
	}
	fs, err := e.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
	if err != nil || len(fs) != 0 {
		t.Fatalf("empty model: %v %v", fs, err)
	}
}

func TestDeniedBuiltins(t *testing.T) {
	caps := Capabilities()
	for _, b := range caps.Builtins {
		// net.cidr_* are pure computations; only the lookup touches the network.
		if b.Name == "http.send" || b.Name == "net.lookup_ip_addr" || b.Name == "opa.runtime" || strings.HasPrefix(b.Name, "time.now") {
			t.Errorf("%s is allowed", b.Name)
		}
	}
}

// TestOneFailingRuleKeepsTheOthers: a rule that fails at evaluation (here a
// conflict) is reported as an error while the other rules' findings stay.
func TestOneFailingRuleKeepsTheOthers(t *testing.T) {
	fsys := fstest.MapFS{
		"a/good/good.rego": {Data: []byte("# METADATA\n# title: Good\n# description: d\n# custom:\n#   id: T-1\n#   severity: error\n#   inputs: [any]\n#   remediation: Fix it.\npackage stacklint.rules.a.good\n\nreport contains {\"message\": \"hit\", \"locations\": []} if true\n")},
		"a/bad/bad.rego":   {Data: []byte("# METADATA\n# title: Bad\n# description: d\n# custom:\n#   id: T-2\n#   severity: error\n#   inputs: [any]\n#   remediation: Fix it.\npackage stacklint.rules.a.bad\n\nf(x) := 1 if x\n\nf(x) := 2 if x\n\nreport contains {\"message\": sprintf(\"%d\", [f(true)]), \"locations\": []} if true\n")},
	}
	e, err := New(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Eval(context.Background(), map[string]any{})
	var re RuleErrors
	if !errors.As(err, &re) || len(re) != 1 || !strings.Contains(re[0].Error(), "T-2") {
		t.Fatalf("error %v", err)
	}
	if len(got) != 1 || got[0].Rule != "T-1" {
		t.Fatalf("findings %+v", got)
	}
}

// TestFindingSeverity: a finding may carry its own severity; an unknown one
// is an error of the rule.
func TestFindingSeverity(t *testing.T) {
	rule := func(sev string) fstest.MapFS {
		return fstest.MapFS{"a/s/s.rego": {Data: []byte("# METADATA\n# title: S\n# description: d\n# custom:\n#   id: T-1\n#   severity: error\n#   inputs: [any]\n#   remediation: Fix it.\npackage stacklint.rules.a.s\n\nreport contains {\"message\": \"hit\", \"locations\": [], \"severity\": \"" + sev + "\"} if true\n")}}
	}
	e, err := New(context.Background(), rule("info"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Eval(context.Background(), map[string]any{})
	if err != nil || len(got) != 1 || got[0].Severity != "info" {
		t.Errorf("findings %+v, %v; want one info finding", got, err)
	}
	e, err = New(context.Background(), rule("fatal"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Eval(context.Background(), map[string]any{}); err == nil {
		t.Error("severity fatal accepted")
	}
}

// TestEvalStopsWhenCancelled: a done context stops the evaluation with the
// context's error, not with every rule reported as failed one by one.
func TestEvalStopsWhenCancelled(t *testing.T) {
	fsys := fstest.MapFS{
		"a/good/good.rego": {Data: []byte("# METADATA\n# title: Good\n# description: d\n# custom:\n#   id: T-1\n#   severity: error\n#   inputs: [any]\n#   remediation: Fix it.\npackage stacklint.rules.a.good\n\nreport contains {\"message\": \"hit\", \"locations\": []} if true\n")},
	}
	e, err := New(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := e.Eval(ctx, map[string]any{}); !errors.Is(err, context.Canceled) || got != nil {
		t.Errorf("Eval: %v, %+v", err, got)
	}
	if _, err := New(ctx, fsys); !errors.Is(err, context.Canceled) {
		t.Errorf("New: %v", err)
	}
}

// TestRuleDefaults: custom.defaults is read as [kind, group, option]
// triples; an entry of another shape stops the engine with the file named.
func TestRuleDefaults(t *testing.T) {
	rule := func(defaults string) fstest.MapFS {
		return fstest.MapFS{"a/s/s.rego": {Data: []byte("# METADATA\n# title: S\n# description: d\n# custom:\n#   id: T-1\n#   severity: error\n#   inputs: [any]\n#   remediation: Fix it.\n#   defaults:\n" + defaults + "package stacklint.rules.a.s\n\nreport contains {\"message\": \"hit\", \"locations\": []} if false\n")}}
	}
	eng, err := New(context.Background(), rule("#     - [nova.conf, vnc, server_proxyclient_address]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := eng.Rules[0].Defaults; len(got) != 1 || got[0] != [3]string{"nova.conf", "vnc", "server_proxyclient_address"} {
		t.Errorf("defaults %v", got)
	}
	if _, err := New(context.Background(), rule("#     - [nova.conf, vnc]\n")); err == nil || !strings.Contains(err.Error(), "a/s/s.rego: custom.defaults") {
		t.Errorf("a pair is not refused with the file named: %v", err)
	}
}

// TestCatalogPassesEveryCheck: the embedded catalog compiles with every
// compiler stage, the checks New skips (verifiedStages) included.
func TestCatalogPassesEveryCheck(t *testing.T) {
	mods, err := RuleModules(rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	c := ast.NewCompiler().WithCapabilities(Capabilities())
	if c.Compile(mods); c.Failed() {
		t.Fatal(c.Errors)
	}
	for _, s := range verifiedStages() {
		if s == ast.StageCheckUnsafeBuiltins {
			t.Error("the unsafe built-ins check must not be skipped")
		}
	}
}

// TestVerifiedSkipsOnlyChecks: a rule with a type error fails New, and
// compiles with Verified (whose rules passed the checks elsewhere).
func TestVerifiedSkipsOnlyChecks(t *testing.T) {
	fsys := oneRule("fleet", `report contains {"message": m, "locations": []} if m := 1 + "a"
`)
	if _, err := New(context.Background(), fsys); err == nil || !strings.Contains(err.Error(), "rego_type_error") {
		t.Errorf("a type error must fail New, got %v", err)
	}
	if _, err := New(context.Background(), fsys, Verified()); err != nil {
		t.Errorf("Verified skips the type check: %v", err)
	}
}

// TestScopeMetadata: custom.scope is node, fleet or aggregate, and an
// aggregate rule is defined exactly when the scope is aggregate.
func TestScopeMetadata(t *testing.T) {
	for _, c := range []struct{ scope, body, want string }{
		{"node", "", ""},
		{"fleet", "", ""},
		{"aggregate", "aggregate contains 1 if true\n", ""},
		{"aggregate", "", "defines no aggregate rule"},
		{"fleet", "aggregate contains 1 if true\n", "but custom.scope is"},
		{"nodes", "", `custom.scope "nodes" is not`},
	} {
		_, err := New(context.Background(), oneRule(c.scope, `report contains {"message": "m", "locations": []} if false
`+c.body))
		switch {
		case c.want == "" && err != nil:
			t.Errorf("scope %s: %v", c.scope, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("scope %s with %q: got %v, want an error with %q", c.scope, c.body, err, c.want)
		}
	}
}

// oneRule is a rules tree of one rule, c.x (SL-T-001), of the given scope,
// whose package holds body.
func oneRule(scope, body string) fstest.MapFS {
	return fstest.MapFS{"c/x/x.rego": {Data: []byte(`# METADATA
# title: t
# description: d
# custom:
#   id: SL-T-001
#   severity: info
#   inputs: [config]
#   remediation: r
#   scope: ` + scope + `
package stacklint.rules.c.x

` + body)}}
}

// TestStartCompilesMeanwhile: Start gives the rules' METADATA and leaves
// a compile error to Ready and to every evaluation, which wait for it.
func TestStartCompilesMeanwhile(t *testing.T) {
	fsys := oneRule("fleet", `report contains {"message": m, "locations": []} if m := 1 + "a"
`)
	e, err := Start(context.Background(), fsys)
	if err != nil {
		t.Fatalf("parsing and METADATA are fine: %v", err)
	}
	if len(e.Rules) != 1 || e.Rules[0].ID != "SL-T-001" {
		t.Fatalf("Rules = %+v, want SL-T-001", e.Rules)
	}
	if err := e.Ready(); err == nil || !strings.Contains(err.Error(), "rego_type_error") {
		t.Errorf("Ready = %v, want the type error", err)
	}
	if _, err := e.EvalDoc(context.Background(), map[string]any{}); err == nil || !strings.Contains(err.Error(), "rego_type_error") {
		t.Errorf("EvalDoc = %v, want the compile error", err)
	}
	if _, err := e.EvalRule(context.Background(), "SL-T-001", map[string]any{}); err == nil {
		t.Error("EvalRule must fail when the rules did not compile")
	}
}

// TestParseErrorsInPathOrder: the modules are parsed in parallel, but
// every file that fails is reported, in the files' order.
func TestParseErrorsInPathOrder(t *testing.T) {
	fsys := oneRule("fleet", "report contains 1 if false\n")
	for _, p := range []string{"b/y/y.rego", "a/z/z.rego", "d/w/w.rego"} {
		fsys[p] = &fstest.MapFile{Data: []byte("package stacklint.rules.x\n\nreport contains if {\n")}
	}
	for range 5 {
		_, err := Start(context.Background(), fsys)
		if err == nil {
			t.Fatal("three files do not parse")
		}
		msg := err.Error()
		a, b, d := strings.Index(msg, "a/z/z.rego"), strings.Index(msg, "b/y/y.rego"), strings.Index(msg, "d/w/w.rego")
		if a < 0 || a >= b || b >= d {
			t.Fatalf("want the three files in path order, got %s", msg)
		}
	}
}
