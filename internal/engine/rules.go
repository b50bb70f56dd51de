// Package engine loads the Rego rules, reads their METADATA, compiles them
// once and evaluates them once over the model.
package engine

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/parallel"
)

// rulesPkg is the package prefix every rule lives under:
// stacklint.rules.<category>.<name>.
const rulesPkg = "data.stacklint.rules."

// Modules reads every .rego file of fsys. Test files are returned
// separately so they can be run by the tester but never evaluated.
func Modules(fsys fs.FS) (rules, tests map[string]*ast.Module, err error) {
	return modules(fsys, true)
}

// RuleModules reads the rule files of fsys and leaves the tests unread:
// a run never evaluates them, and they are as much Rego again to parse.
func RuleModules(fsys fs.FS) (map[string]*ast.Module, error) {
	rules, _, err := modules(fsys, false)
	return rules, err
}

func modules(fsys fs.FS, withTests bool) (rules, tests map[string]*ast.Module, err error) {
	var paths []string
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		if withTests || !strings.HasSuffix(p, "_test.rego") {
			paths = append(paths, p)
		}
		return nil
	})
	if walkErr != nil {
		return nil, nil, walkErr
	}
	mods, errs := make([]*ast.Module, len(paths)), make([]error, len(paths))
	parallel.For(len(paths), runtime.GOMAXPROCS(0), func(i int) {
		mods[i], errs[i] = parseModule(fsys, paths[i])
	})
	rules, tests = map[string]*ast.Module{}, map[string]*ast.Module{}
	var all *multierror.Error
	for i, p := range paths { // in the walk's (lexical) order
		switch {
		case errs[i] != nil:
			all = multierror.Append(all, errs[i])
		case strings.HasSuffix(p, "_test.rego"):
			tests[p] = mods[i]
		default:
			rules[p] = mods[i]
		}
	}
	return rules, tests, all.ErrorOrNil()
}

// parseModule reads and parses one Rego file (v1 syntax, METADATA read);
// the modules of a catalog are parsed in parallel, which halves a small
// run's time before compiling on two processors.
func parseModule(fsys fs.FS, p string) (*ast.Module, error) {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	return ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
}

// Metadata extracts and validates the metadata of every rule module. All
// problems are reported together.
func Metadata(modules map[string]*ast.Module) ([]finding.Rule, error) {
	var out []finding.Rule
	var errs *multierror.Error
	ids := map[string]string{}
	for file, m := range modules {
		pkg := m.Package.Path.String()
		if !strings.HasPrefix(pkg, rulesPkg) {
			continue
		}
		r, err := ruleFrom(file, strings.TrimPrefix(pkg, rulesPkg), m, false)
		if err != nil {
			errs = multierror.Append(errs, err)
			continue
		}
		if prev, dup := ids[r.ID]; dup {
			errs = multierror.Append(errs, fmt.Errorf("%s: rule id %s already used by %s", file, r.ID, prev))
			continue
		}
		ids[r.ID] = file
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, errs.ErrorOrNil()
}

// ruleFrom reads and checks a rule module's METADATA. A custom rule (user)
// may leave custom.inputs out, and its errors name FILE:LINE (the METADATA
// block's line, else the package's).
func ruleFrom(file, pkg string, m *ast.Module, user bool) (finding.Rule, error) {
	at := file
	if user {
		at = fmt.Sprintf("%s:%d", file, metadataLine(m))
	}
	r, err := readRule(at, pkg, m, user)
	r.File = file
	return r, err
}

func readRule(file, pkg string, m *ast.Module, user bool) (finding.Rule, error) {
	var a *ast.Annotations
	for _, x := range m.Annotations {
		if x.Scope == "package" {
			a = x
		}
	}
	if a == nil {
		return finding.Rule{}, fmt.Errorf("%s: no package-scoped # METADATA block", file)
	}
	category, _, _ := strings.Cut(pkg, ".")
	r := finding.Rule{
		Title: a.Title, Description: strings.TrimSpace(a.Description), Package: pkg, File: file,
		ID: custom(a, "id"), Severity: custom(a, "severity"), Remediation: custom(a, "remediation"),
		Category: category, Inputs: customList(a, "inputs"), Yields: a.Custom["yields"] == true,
		Scope: cmp.Or(custom(a, "scope"), finding.ScopeFleet),
	}
	if p, ok := a.Custom["params"].(map[string]any); ok {
		r.Params = p
	}
	defaults, err := customTriples(a, "defaults")
	if err != nil {
		return r, fmt.Errorf("%s: %w", file, err)
	}
	r.Defaults = defaults
	var missing []string
	for name, v := range map[string]string{"title": r.Title, "description": r.Description, "custom.id": r.ID,
		"custom.severity": r.Severity, "custom.remediation": r.Remediation} {
		if v == "" {
			missing = append(missing, name)
		}
	}
	if len(r.Inputs) == 0 && !user {
		missing = append(missing, "custom.inputs")
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return r, fmt.Errorf("%s: METADATA lacks %s", file, strings.Join(missing, ", "))
	}
	if !finding.KnownSeverity(r.Severity) {
		return r, fmt.Errorf("%s: severity %q is not one of %v", file, r.Severity, finding.Severities())
	}
	if err := checkScope(r, m); err != nil {
		return r, fmt.Errorf("%s: %w", file, err)
	}
	if path.Base(path.Dir(filepath.ToSlash(m.Package.Location.File))) != pkg[len(category)+1:] {
		return r, fmt.Errorf("%s: package %s does not match its directory", file, pkg)
	}
	return r, nil
}

func custom(a *ast.Annotations, key string) string {
	s, _ := a.Custom[key].(string)
	return strings.TrimSpace(s)
}

func customList(a *ast.Annotations, key string) []string {
	list, _ := a.Custom[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// customTriples reads a list of [kind, group, option] lists.
func customTriples(a *ast.Annotations, key string) ([][3]string, error) {
	list, _ := a.Custom[key].([]any)
	out := make([][3]string, 0, len(list))
	for _, v := range list {
		t, _ := v.([]any)
		var triple [3]string
		for i := range triple {
			if len(t) == 3 {
				triple[i], _ = t[i].(string)
			}
		}
		if triple[0] == "" || triple[1] == "" || triple[2] == "" {
			return nil, fmt.Errorf("custom.%s: %v is not a [kind, group, option] list", key, v)
		}
		out = append(out, triple)
	}
	return out, nil
}

// checkScope: custom.scope is node, fleet or aggregate, and a module defines
// the rule aggregate exactly when its scope is aggregate.
func checkScope(r finding.Rule, m *ast.Module) error {
	switch r.Scope {
	case finding.ScopeNode, finding.ScopeFleet, finding.ScopeAggregate:
	default:
		return fmt.Errorf("custom.scope %q is not %q, %q or %q", r.Scope, finding.ScopeNode, finding.ScopeFleet, finding.ScopeAggregate)
	}
	defines := false
	for _, rule := range m.Rules {
		if rule.Head.Name == "aggregate" || rule.Head.Ref().String() == "aggregate" {
			defines = true
		}
	}
	switch {
	case r.Scope == finding.ScopeAggregate && !defines:
		return fmt.Errorf("custom.scope is aggregate but the package defines no aggregate rule")
	case r.Scope != finding.ScopeAggregate && defines:
		return fmt.Errorf("the package defines an aggregate rule but custom.scope is %q, not %q", r.Scope, finding.ScopeAggregate)
	}
	return nil
}
