package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/go-multierror"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/safefile"
	"github.com/stacklint/stacklint/internal/schema"
)

// BuiltinPrefix starts every built-in rule id; custom rules' ids may not
// (in any case).
const BuiltinPrefix = "SL-"

// customIDRE is the shape of a custom rule id: MYSITE-001 (a
// stacklint:ignore comment recognises ids by it: internal/model).
var customIDRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)+$`)

// UserRules adds the custom rules of the folders dirs (--rules DIR, the
// configuration's rules paths) to the built-in ones: every .rego file
// below each folder, its tests left out. They follow the built-in rules'
// contract (docs/custom-rules.md), pass the sandbox (sandbox.go) and are
// compiled with every check. Paths in messages are dirs' as given.
func UserRules(dirs ...string) Option {
	return func(o *options) { o.userDirs = append(o.userDirs, dirs...) }
}

// userModules reads every .rego file below each of dirs, keyed by the
// path the user would write (dir joined with the file's path in it); with
// withTests the *_test.rego files too, in tests. Parse errors name
// FILE:LINE; a folder without a rule module (every file parsed) is
// "FOLDER: holds no custom rule (...)"; every problem is reported.
func userModules(dirs []string, withTests bool) (rules, tests map[string]*ast.Module, source map[string]string, err error) {
	rules, tests, source = map[string]*ast.Module{}, map[string]*ast.Module{}, map[string]string{}
	var errs *multierror.Error
	for _, dir := range dedupe(dirs) {
		st, statErr := os.Stat(dir)
		if statErr != nil || !st.IsDir() {
			errs = multierror.Append(errs, fmt.Errorf("%s: not a folder of custom rules", dir))
			continue
		}
		files, walkErr := regoFiles(dir, withTests)
		errs = multierror.Append(errs, flatten(walkErr)...)
		found, failed := false, walkErr != nil
		for _, p := range files {
			m, err := parseUser(p)
			if err != nil {
				errs = multierror.Append(errs, err)
				failed = true
				continue
			}
			source[p] = dir
			found = found || withTests || meantAsRule(m) // (stacklint test: any module, helpers have tests too)
			if strings.HasSuffix(p, "_test.rego") {
				tests[p] = m
			} else {
				rules[p] = m
			}
		}
		if !found && !failed {
			errs = multierror.Append(errs, fmt.Errorf("%s: holds no custom rule (.rego files with a package stacklint.rules.<category>.<name>)", dir))
		}
	}
	return rules, tests, source, errs.ErrorOrNil()
}

// regoFiles are the .rego files below dir, in lexical order, *_test.rego
// ones only withTests. A symbolic link to a folder below dir is an error
// as one to a file is (parseUser): the folder may come from a snapshot's
// configuration, and a link must not pull in rules from elsewhere.
func regoFiles(dir string, withTests bool) ([]string, error) {
	var files []string
	var errs *multierror.Error
	walkErr := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 && !strings.HasSuffix(p, ".rego") {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				errs = multierror.Append(errs, fmt.Errorf("%s: is a symbolic link to a folder, not a folder", p))
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		if withTests || !strings.HasSuffix(p, "_test.rego") {
			files = append(files, p)
		}
		return nil
	})
	if walkErr != nil {
		errs = multierror.Append(errs, walkErr)
	}
	return files, errs.ErrorOrNil()
}

// meantAsRule: m is in a package under stacklint. (a rule's, or one
// checkPackages refuses with a message of its own).
func meantAsRule(m *ast.Module) bool {
	return strings.HasPrefix(m.Package.Path.String(), "data.stacklint.")
}

// dedupe drops repeated folders (the same folder from the flag and the
// configuration), keeping the first spelling.
func dedupe(dirs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, d := range dirs {
		k := filepath.Clean(d)
		if abs, err := filepath.Abs(d); err == nil {
			k = abs
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}

// maxRegoSize bounds a custom .rego file (the largest built-in one is
// under 64 KiB).
const maxRegoSize = 4 << 20

// parseUser parses one custom Rego file (v1 syntax, METADATA read); an
// error is FILE:LINE: message, one line per problem. The file is read
// through internal/safefile: a named pipe, a device, a symbolic link (the
// folder may come from a snapshot's configuration) or a file over 4 MiB
// is an error naming it, never a hang.
func parseUser(p string) (*ast.Module, error) {
	src, err := safefile.Read(p, maxRegoSize)
	if err != nil {
		return nil, err
	}
	m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{ProcessAnnotation: true, RegoVersion: ast.RegoV1})
	if err == nil {
		return m, nil
	}
	var errs ast.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		var all *multierror.Error
		for _, e := range errs {
			line := 1
			if e.Location != nil {
				line = e.Location.Row
			}
			all = multierror.Append(all, fmt.Errorf("%s:%d: %s", p, line, e.Message))
		}
		return nil, all.ErrorOrNil()
	}
	if strings.HasSuffix(err.Error(), "empty module") {
		return nil, fmt.Errorf("%s:1: empty module (no package)", p)
	}
	return nil, fmt.Errorf("%s:1: %w", p, err)
}

// userMetadata reads and checks the custom rules' METADATA against the
// built-in rules (builtin): the built-ins' contract, ids without the
// built-in prefix and unique (case-insensitively, across built-in and
// custom rules), and packages of their own (checkPackages). Every problem
// is reported, as FILE:LINE.
func userMetadata(mods map[string]*ast.Module, tests map[string]*ast.Module, source map[string]string, builtin []finding.Rule) ([]finding.Rule, error) {
	var errs *multierror.Error
	for _, err := range checkPackages(mods, tests, builtin) {
		errs = multierror.Append(errs, err)
	}
	ids := map[string]string{}
	for _, r := range builtin {
		ids[strings.ToUpper(r.ID)] = "the built-in rule " + r.ID
	}
	var out []finding.Rule
	reporting := reportingPackages(mods)
	for _, file := range sortedKeys(mods) {
		m := mods[file]
		pkg := m.Package.Path.String()
		if !strings.HasPrefix(pkg, rulesPkg) || len(m.Package.Path) != 5 {
			continue // a helper package, or refused by checkPackages
		}
		r, err := ruleFrom(file, strings.TrimPrefix(pkg, rulesPkg), m, true)
		if err == nil {
			err = checkDefaults(file, m, r.Defaults)
		}
		if err != nil {
			errs = multierror.Append(errs, err)
			continue
		}
		at := fmt.Sprintf("%s:%d", file, metadataLine(m))
		key := strings.ToUpper(r.ID)
		switch prev, dup := ids[key]; {
		case !reporting[pkg]:
			errs = multierror.Append(errs, fmt.Errorf("%s: package %s defines no report rule: stacklint takes a rule's findings from its report set (report contains finding if {...}; see docs/custom-rules.md)", at, strings.TrimPrefix(pkg, "data.")))
		case !customIDRE.MatchString(r.ID):
			errs = multierror.Append(errs, fmt.Errorf("%s: rule id %q is not an id such as MYSITE-001 (words of letters, digits and _ joined by dashes)", at, r.ID))
		case strings.HasPrefix(key, BuiltinPrefix):
			errs = multierror.Append(errs, fmt.Errorf("%s: rule id %s uses the built-in prefix %s; choose an id of your own (MYSITE-001)", at, r.ID, BuiltinPrefix))
		case dup:
			errs = multierror.Append(errs, fmt.Errorf("%s: rule id %s is already used by %s", at, r.ID, prev))
		default:
			ids[key] = file
			r.Source = source[file]
			out = append(out, r)
		}
	}
	return out, errs.ErrorOrNil()
}

// checkDefaults: every custom.defaults entry of a custom rule names an
// option some embedded release registers (schema.Index), else lib.setting
// would find no default and the rule would silently never fire. The error
// is "FILE:LINE: custom.defaults [kind, group, option]: why (suggestion?)",
// the first bad entry's, at its line (defaultLine).
func checkDefaults(file string, m *ast.Module, defaults [][3]string) error {
	if len(defaults) == 0 {
		return nil
	}
	ix, err := schema.LoadIndex()
	if err != nil {
		return fmt.Errorf("%s:%d: custom.defaults cannot be checked: %w", file, metadataLine(m), err)
	}
	for _, t := range defaults {
		if why := ix.UnknownOption(t[0], t[1], t[2]); why != "" {
			return fmt.Errorf("%s:%d: custom.defaults [%s, %s, %s]: %s", file, defaultLine(m, t), t[0], t[1], t[2], why)
		}
	}
	return nil
}

// defaultLine is the line of the METADATA comment that holds a defaults
// entry (its kind and option both on it), else the METADATA block's.
func defaultLine(m *ast.Module, t [3]string) int {
	start := metadataLine(m)
	for _, c := range m.Comments {
		words := strings.FieldsFunc(string(c.Text), func(r rune) bool { return strings.ContainsRune("[],:#\"' \t", r) })
		if c.Location != nil && c.Location.Row > start && slices.Contains(words, t[0]) && slices.Contains(words, t[2]) {
			return c.Location.Row
		}
	}
	return start
}

// reportingPackages are the packages of mods that define a report rule
// (in any of their files): a rule package without one would never say
// anything.
func reportingPackages(mods map[string]*ast.Module) map[string]bool {
	out := map[string]bool{}
	for _, m := range mods {
		for _, r := range m.Rules {
			if r.Head.Name == "report" || r.Head.Ref().String() == "report" {
				out[m.Package.Path.String()] = true
			}
		}
	}
	return out
}

// metadataLine is the line of a module's package METADATA block, else of
// its package clause.
func metadataLine(m *ast.Module) int {
	for _, a := range m.Annotations {
		if a.Scope == "package" && a.Location != nil {
			return a.Location.Row
		}
	}
	return m.Package.Location.Row
}

// checkPackages refuses custom modules (rules, helpers and tests) in
// stacklint's own packages: stacklint.lib, stacklint.fixtures, a built-in
// rule's package (or one above or below it), anything else under
// stacklint. but stacklint.rules.<category>.<name> (and, in test files,
// any package below stacklint.rules.); rule modules must be exactly
// stacklint.rules.<category>.<name>.
func checkPackages(mods, tests map[string]*ast.Module, builtin []finding.Rule) []error {
	var errs []error
	check := func(file string, m *ast.Module, test bool) {
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		at := fmt.Sprintf("%s:%d", file, m.Package.Location.Row)
		if why := refusedPackage(pkg, test, builtin); why != "" {
			errs = append(errs, fmt.Errorf("%s: package %s %s", at, pkg, why))
		}
	}
	for _, f := range sortedKeys(mods) {
		check(f, mods[f], false)
	}
	for _, f := range sortedKeys(tests) {
		check(f, tests[f], true)
	}
	return errs
}

// refusedPackage says why a custom module may not be in package pkg
// (without "data."), or "".
func refusedPackage(pkg string, test bool, builtin []finding.Rule) string {
	under := func(p, root string) bool { return p == root || strings.HasPrefix(p, root+".") }
	for _, own := range []string{"stacklint.lib", "stacklint.fixtures"} {
		if under(pkg, own) {
			return "is stacklint's own (" + own + "); use a package of your own for helpers (mysite.lib)"
		}
	}
	for _, r := range builtin {
		bp := "stacklint.rules." + r.Package
		if under(pkg, bp) || under(bp, pkg) {
			return "clashes with the built-in rule " + r.ID + " (" + bp + ")"
		}
	}
	if !under(pkg, "stacklint") {
		return ""
	}
	parts := strings.Split(pkg, ".")
	switch {
	case test && len(parts) >= 4 && parts[1] == "rules":
		return ""
	case !test && len(parts) == 4 && parts[1] == "rules":
		return ""
	}
	return "is not stacklint.rules.<category>.<name>; custom rules live there, helpers in a package of your own (mysite.lib)"
}

// sortedKeys are a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return slices.Clip(out)
}

// addUserRules reads the custom rules of dirs, checks them (METADATA,
// packages, sandbox) against the built-in rules and adds them to mods;
// it returns every rule, sorted by id. The error lists every problem.
func addUserRules(mods map[string]*ast.Module, builtin []finding.Rule, dirs []string) ([]finding.Rule, error) {
	umods, _, source, err := userModules(dirs, false)
	if err != nil {
		return nil, &ProblemsError{Errs: flatten(err)}
	}
	user, err := userMetadata(umods, nil, source, builtin)
	errs := append(flatten(err), Sandbox(umods)...)
	for _, f := range sortedKeys(umods) {
		if _, clash := mods[f]; clash {
			errs = append(errs, fmt.Errorf("%s:1: has the path of a built-in rules file; load its folder from another place", f))
		}
	}
	if len(errs) > 0 {
		return nil, &ProblemsError{Errs: errs}
	}
	for f, m := range umods {
		mods[f] = m
	}
	all := append(slices.Clone(builtin), user...)
	sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	return all, nil
}

// ProblemsError is every problem of the custom rules, each "FILE:LINE:
// message" (Lines: once each, in the order found); Error is one problem as
// "custom rules: FILE:LINE: message", several as a count line "custom
// rules: N problems:" then one problem per line. The CLI prints each line
// made visible (finding.Visible) on its own.
type ProblemsError struct{ Errs []error }

// Header is the first line: "custom rules: N problems:", or "custom rules:"
// before a single problem.
func (p *ProblemsError) Header() string {
	if n := len(p.Lines()); n != 1 {
		return fmt.Sprintf("custom rules: %d problems:", n)
	}
	return "custom rules:"
}

// Lines are the problems' messages, each once, in order.
func (p *ProblemsError) Lines() []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range p.Errs {
		if m := e.Error(); !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

func (p *ProblemsError) Error() string {
	lines := p.Lines()
	if len(lines) == 1 {
		return p.Header() + " " + lines[0]
	}
	return p.Header() + "\n" + strings.Join(lines, "\n")
}

// customCompileProblems turns OPA's compile errors of custom rules into
// problems, "FILE:LINE: message" each (OPA's error code left out; a
// package METADATA block declared twice names both files).
func customCompileProblems(errs ast.Errors) *ProblemsError {
	out := &ProblemsError{}
	for _, e := range errs {
		at := "custom rules"
		if e.Location != nil {
			at = fmt.Sprintf("%s:%d", e.Location.File, e.Location.Row)
		}
		msg := e.Message
		if other, ok := strings.CutPrefix(msg, "package annotation redeclared: "); ok {
			msg = "this package's METADATA is also declared at " + other + " (the same rule package in two files or folders?)"
		}
		out.Errs = append(out.Errs, fmt.Errorf("%s: %s", at, msg))
	}
	return out
}

// flatten opens a multierror (nil: none).
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	var m *multierror.Error
	if errors.As(err, &m) {
		var out []error
		for _, e := range m.Errors {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}
