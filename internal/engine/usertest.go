package engine

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestRun is what UserTests gave: each test's result (in file, then test
// order) and, when asked for, the coverage of the custom files.
type TestRun struct {
	Results []*tester.Result
	// Coverage is OPA's coverage report (opa test --coverage) over the
	// custom rules' and tests' files only; nil unless asked for.
	Coverage *cover.Report
	// Files are the custom .rego files read, sorted.
	Files []string
}

// UserTests runs the *_test.rego files of the custom rules of dirs with
// OPA's tester, against the built-in lib and test fixtures of fsys (the
// packages stacklint.lib and stacklint.fixtures: fx.deployment, fx.file,
// fx.node_below) and the custom rules; the built-in rules' own tests are
// never run. The custom modules are checked as for a run (METADATA,
// packages, sandbox): a problem is a *ProblemsError. Each test has the
// time limit (0: DefaultRuleTimeout), and the run the heap budget of a
// custom rule (an error past it).
func UserTests(ctx context.Context, fsys fs.FS, dirs []string, coverage bool, limit time.Duration) (*TestRun, error) {
	builtinRules, builtinTests, err := Modules(fsys)
	if err != nil {
		return nil, fmt.Errorf("loading rules: %w", err)
	}
	builtin, err := Metadata(builtinRules)
	if err != nil {
		return nil, fmt.Errorf("rule metadata: %w", err)
	}
	urules, utests, source, err := userModules(dirs, true)
	if err != nil {
		return nil, &ProblemsError{Errs: flatten(err)}
	}
	_, err = userMetadata(urules, utests, source, builtin)
	errs := append(flatten(err), Sandbox(urules, utests)...)
	if len(errs) > 0 {
		return nil, &ProblemsError{Errs: errs}
	}
	all := map[string]*ast.Module{}
	for f, m := range builtinRules {
		if strings.HasPrefix(f, "lib/") {
			all[f] = m
		}
	}
	for f, m := range builtinTests {
		if strings.HasPrefix(f, "lib/") && strings.HasSuffix(f, "fixtures_test.rego") {
			all[f] = m
		}
	}
	run := &TestRun{}
	for _, set := range []map[string]*ast.Module{urules, utests} {
		for f, m := range set {
			if _, clash := all[f]; clash {
				return nil, &ProblemsError{Errs: []error{fmt.Errorf("%s:1: has the path of a built-in lib file; load its folder from another place", f)}}
			}
			all[f] = m
			run.Files = append(run.Files, f)
		}
	}
	sort.Strings(run.Files)
	if len(utests) == 0 {
		return nil, &ProblemsError{Errs: []error{fmt.Errorf("%s: no *_test.rego file", strings.Join(dedupe(dirs), ", "))}}
	}
	return run, run.execute(ctx, all, utests, coverage, limit)
}

// execute runs the tests of mods (the tests of only are the custom ones)
// and fills run. A test past limit, or a run past the heap budget, is a
// *TestTimeoutError returned at once (see collect).
func (run *TestRun) execute(ctx context.Context, mods, only map[string]*ast.Module, coverage bool, limit time.Duration) error {
	limit = cmpDuration(limit, DefaultRuleTimeout)
	store := inmem.New()
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return err
	}
	var cov *cover.Cover
	r := tester.NewRunner().SetCompiler(ast.NewCompiler().WithCapabilities(Capabilities())).SetStore(store).
		SetModules(mods).SetTimeout(limit).SetParallel(1). // one at a time: collect's silence is one test's
		AddCustomBuiltins([]*tester.Builtin{{Decl: effectiveDecl, Func: withBuiltins()}, {Decl: countValuesDecl, Func: func(*rego.Rego) {}}})
	if coverage {
		cov = cover.New()
		r = r.SetCoverageQueryTracer(cov)
	}
	hctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	budget := watchHeap(hctx, cancel, userHeapBudget)
	ch, err := r.RunTests(hctx, txn)
	if err != nil {
		store.Abort(ctx, txn)
		return compileProblems(err)
	}
	if err := run.collect(hctx, ch, only, limit, budget); err != nil {
		go drain(ch) // the runner's tests, cancelled, end on their own (or with the process)
		return err
	}
	store.Abort(ctx, txn)
	sort.SliceStable(run.Results, func(i, j int) bool {
		a, b := run.Results[i].Location, run.Results[j].Location
		if a == nil || b == nil || a.File == b.File {
			return a != nil && b != nil && a.Row < b.Row
		}
		return a.File < b.File
	})
	if cov != nil {
		rep := cov.Report(pick(mods, run.Files))
		run.Coverage = &rep
	}
	return nil
}

// compileProblems words the tester's compile errors as FILE:LINE: message.
func compileProblems(err error) error {
	var errs ast.Errors
	if !errors.As(err, &errs) {
		return err
	}
	return customCompileProblems(errs)
}

// pick is the modules of files.
func pick(mods map[string]*ast.Module, files []string) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(files))
	for _, f := range files {
		out[f] = mods[f]
	}
	return out
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
