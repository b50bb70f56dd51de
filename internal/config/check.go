package config

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
)

// RuleInfo is what the configuration is checked against for one rule.
type RuleInfo struct {
	ID, Category, Severity string
	Params                 map[string]any // parameter defaults
}

// Levels are the values a rule's level may take.
var Levels = []string{"error", "warning", "info", "off"}

// Check validates the rule settings against the rules stacklint has:
// unknown rule ids or categories, levels, parameter names and types, and
// ignores without a rule, path or reason are errors naming the file and
// line.
func (c *Config) Check(rules []RuleInfo) error {
	ids, cats := map[string]RuleInfo{}, map[string]bool{}
	for _, r := range rules {
		ids[r.ID], cats[r.Category] = r, true
	}
	known := func(name string) bool { _, ok := ids[name]; return ok || cats[name] }
	for _, name := range slices.Sorted(maps.Keys(c.Rules.ByName)) {
		s := c.Rules.ByName[name]
		if !known(name) {
			return c.errorf(s.Line, "rules: unknown rule id or category %q%s", name, hint(name, ids, cats))
		}
		if s.Level != "" && !slices.Contains(Levels, s.Level) {
			return c.errorf(s.Line, "rules.%s: level %q is not one of %s", name, s.Level, strings.Join(Levels, ", "))
		}
		if err := c.checkParams(name, s, ids); err != nil {
			return err
		}
	}
	for _, list := range [][]Name{c.Disable, c.Enable} {
		for _, n := range list {
			if !known(n.Value) {
				return c.errorf(n.Line, "unknown rule id or category %q%s", n.Value, hint(n.Value, ids, cats))
			}
		}
	}
	return c.checkIgnores(ids, cats)
}

// checkIgnores: every ignore names a known rule and a path, and says why.
func (c *Config) checkIgnores(ids map[string]RuleInfo, cats map[string]bool) error {
	for _, ig := range c.Ignores {
		_, known := ids[ig.Rule]
		switch {
		case ig.Rule == "" || ig.Path == "":
			return c.errorf(ig.Line, "ignores: an ignore needs a rule and a path")
		case !known:
			return c.errorf(ig.Line, "ignores: unknown rule id %q%s", ig.Rule, hint(ig.Rule, ids, cats))
		case strings.TrimSpace(ig.Reason) == "":
			return c.errorf(ig.Line, "ignores: the ignore of %s at %s has no reason (say why the finding is accepted)", ig.Rule, ig.Path)
		}
	}
	return nil
}

func (c *Config) checkParams(name string, s RuleSetting, ids map[string]RuleInfo) error {
	if len(s.Params) == 0 {
		return nil
	}
	r, ok := ids[name]
	if !ok {
		return c.errorf(s.Line, "rules.%s: parameters are set per rule id, not per category", name)
	}
	for _, p := range slices.Sorted(maps.Keys(s.Params)) {
		def, ok := r.Params[p]
		if !ok {
			return c.errorf(s.Line, "rules.%s.params: unknown parameter %q (%s has %s)", name, p, name, paramList(r.Params))
		}
		if !sameKind(def, s.Params[p]) {
			return c.errorf(s.Line, "rules.%s.params.%s: %v is not %s like the default %v", name, p, s.Params[p], kindWords(def), def)
		}
	}
	return nil
}

// kindWords names the kind of a parameter's default for people: "a
// number", "text", "true or false", "a list", "a mapping".
func kindWords(v any) string {
	switch v.(type) {
	case int, int64, float64, uint64:
		return "a number"
	case string:
		return "text"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return "of the default's kind"
}

// sameKind: numbers match numbers, strings strings, lists lists.
func sameKind(def, v any) bool {
	num := func(x any) bool {
		switch x.(type) {
		case int, int64, float64, uint64:
			return true
		}
		return false
	}
	if num(def) {
		return num(v)
	}
	return reflect.TypeOf(def) == reflect.TypeOf(v)
}

func paramList(p map[string]any) string {
	if len(p) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(maps.Keys(p)), ", ")
}

func (c *Config) errorf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", c.Path, line, excerpt(fmt.Sprintf(format, args...)))
}

// hint suggests the id or category a misspelt name was meant to be.
func hint(name string, ids map[string]RuleInfo, cats map[string]bool) string {
	upper := strings.ToUpper(name)
	if _, ok := ids[upper]; ok {
		return fmt.Sprintf(" (did you mean %s?)", upper)
	}
	if cats[strings.ToLower(name)] {
		return fmt.Sprintf(" (did you mean %s?)", strings.ToLower(name))
	}
	return " (stacklint rules lists them)"
}
