package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// RuleSettings is the rules: section: levels and parameters by rule id or
// category (ByName), and folders of custom rules (Paths). It is written
// as a mapping of settings, which may hold a paths: list besides them, or
// as a list of paths alone.
type RuleSettings struct {
	ByName map[string]RuleSetting
	// Paths are folders of custom rules, relative to the configuration
	// file's folder and inside it (RuleDirs).
	Paths []Name
}

// UnmarshalYAML accepts both forms, strictly.
func (r *RuleSettings) UnmarshalYAML(node *yaml.Node) error {
	switch node.Kind {
	case yaml.SequenceNode:
		return node.Decode(&r.Paths)
	case yaml.MappingNode:
	default:
		return fmt.Errorf("line %d: rules: want a mapping of rule settings or a list of folders of custom rules", node.Line)
	}
	r.ByName = map[string]RuleSetting{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		if k.Value == "paths" {
			if v.Kind != yaml.SequenceNode {
				return fmt.Errorf("line %d: rules.paths: want a list of folders of custom rules", v.Line)
			}
			if err := v.Decode(&r.Paths); err != nil {
				return err
			}
			continue
		}
		if v.Kind == yaml.SequenceNode {
			return listUnderRules(k)
		}
		if _, twice := r.ByName[k.Value]; twice {
			return fmt.Errorf("line %d: rules: %s is set twice", k.Line, k.Value)
		}
		var s RuleSetting
		if err := v.Decode(&s); err != nil {
			return err
		}
		if s.Line == 0 {
			s.Line = v.Line
		}
		r.ByName[k.Value] = s
	}
	return nil
}

// listUnderRules is the error for a list under a rules: key other than
// paths: a rule id takes a level or settings, and anything else is a key
// rules: does not know (paths2: [x]).
func listUnderRules(k *yaml.Node) error {
	if strings.Contains(k.Value, "-") {
		return fmt.Errorf("line %d: rules: %s takes a level or a mapping of level: and params:, not a list", k.Line, k.Value)
	}
	return fmt.Errorf("line %d: rules: unknown key %s (rules: takes paths: and rule ids or categories)", k.Line, k.Value)
}

// checkRulePaths: every rules path is relative and stays inside the
// configuration file's folder (a snapshot may carry an untrusted
// configuration).
func (c *Config) checkRulePaths() error {
	for _, p := range c.Rules.Paths {
		clean := filepath.Clean(filepath.FromSlash(p.Value))
		if p.Value == "" || filepath.IsAbs(p.Value) || strings.HasPrefix(p.Value, "/") || !filepath.IsLocal(clean) && clean != "." {
			return fmt.Errorf("line %d: rules.paths: %q must be a folder below the configuration file's (relative, without ..)", p.Line, p.Value)
		}
	}
	return nil
}

// RuleDirs are the folders of custom rules the configuration names,
// joined to its file's folder; a folder that is a symbolic link leading
// out of that folder is an error naming the file and line.
func (c *Config) RuleDirs() ([]string, error) {
	if len(c.Rules.Paths) == 0 {
		return nil, nil
	}
	base := filepath.Dir(c.Path)
	realBase, err := filepath.EvalSymlinks(base)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range c.Rules.Paths {
		dir := filepath.Join(base, filepath.FromSlash(p.Value))
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: rules.paths: %s: %w", c.Path, p.Line, p.Value, unwrapPath(err))
		}
		if rel, err := filepath.Rel(realBase, real); err != nil || !filepath.IsLocal(rel) && rel != "." {
			return nil, fmt.Errorf("%s:%d: rules.paths: %s leads outside %s", c.Path, p.Line, p.Value, base)
		}
		if st, err := os.Stat(real); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("%s:%d: rules.paths: %s is not a folder", c.Path, p.Line, p.Value)
		}
		out = append(out, dir)
	}
	return out, nil
}

// unwrapPath drops the path from an *os.PathError (the message names it).
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Duration is a time span written as "30s" or "2m", with its line.
type Duration struct {
	D    time.Duration
	Line int
}

// UnmarshalYAML parses the span strictly: positive, Go's syntax.
func (d *Duration) UnmarshalYAML(node *yaml.Node) error {
	v, err := time.ParseDuration(node.Value)
	if node.Kind != yaml.ScalarNode || err != nil || v <= 0 {
		return fmt.Errorf("line %d: rule_timeout: want a duration such as 30s, not %q", node.Line, node.Value)
	}
	d.D, d.Line = v, node.Line
	return nil
}
