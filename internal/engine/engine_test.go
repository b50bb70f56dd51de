package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
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
	ch, err := tester.NewRunner().SetCompiler(c).SetStore(store).SetModules(all).RunTests(ctx, txn)
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
