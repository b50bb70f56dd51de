package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestRulePathsBothForms: rules: as a list of folders, or paths: beside
// the levels; the folders resolve against the file's folder.
func TestRulePathsBothForms(t *testing.T) {
	for _, src := range []string{
		"rules:\n  - site\n  - more/rules\n",
		"rules:\n  SL-HYG-013: off\n  paths: [site, more/rules]\n",
	} {
		dir := t.TempDir()
		for _, d := range []string{"site", "more/rules"} {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		c, err := decode(filepath.Join(dir, FileName), []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		got, err := c.RuleDirs()
		want := []string{filepath.Join(dir, "site"), filepath.Join(dir, "more/rules")}
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v %v", src, got, err)
		}
		if strings.Contains(src, "SL-HYG-013") && c.Rules.ByName["SL-HYG-013"].Level != "off" {
			t.Errorf("%q: levels lost: %+v", src, c.Rules)
		}
	}
}

// TestRulePathsErrors: paths leaving the folder, a paths: that is not a
// list, a rule named twice and a bad rule_timeout are errors at their line.
func TestRulePathsErrors(t *testing.T) {
	for src, want := range map[string]string{
		"rules:\n  - ../x\n":                        `c.yaml:2: rules.paths: "../x" must be a folder below`,
		"rules:\n  - a/../../x\n":                   `c.yaml:2: rules.paths: "a/../../x" must be a folder below`,
		"rules:\n  paths:\n    - /etc\n":            `c.yaml:3: rules.paths: "/etc" must be a folder below`,
		"rules:\n  paths: x\n":                      "c.yaml:2: rules.paths: want a list of folders",
		"rules: x\n":                                "c.yaml:1: rules: want a mapping of rule settings or a list",
		"rules:\n  hygiene: off\n  hygiene: info\n": "c.yaml:3: rules: hygiene is set twice",
		"rule_timeout: soon\n":                      `c.yaml:1: rule_timeout: want a duration such as 30s, not "soon"`,
		"rules:\n  paths: [a]\n  paths2: [x]\n":     "c.yaml:3: rules: unknown key paths2 (rules: takes paths: and rule ids or categories)",
		"rules:\n  SL-HYG-013: [x]\n":               "c.yaml:2: rules: SL-HYG-013 takes a level or a mapping of level: and params:, not a list",
		"rule_timeout: -1s\n":                       `c.yaml:1: rule_timeout: want a duration`,
	} {
		_, err := decode("c.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %s", src, err, want)
		}
	}
	c, err := decode("c.yaml", []byte("rule_timeout: 30s\n"))
	if err != nil || c.RuleTimeout.D != 30*time.Second {
		t.Errorf("%v %+v", err, c.RuleTimeout)
	}
}

// TestRuleDirsNotFolder: a rules path that is a file or a named pipe is an
// error at the configuration's line.
func TestRuleDirsNotFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "f.rego"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := decode(filepath.Join(dir, FileName), []byte("rules:\n  - f.rego\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, FileName) + ":2: rules.paths: f.rego is not a folder"
	if _, err := c.RuleDirs(); err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
}

// TestParamKindWords: a parameter of the wrong kind is named in words, not
// as a Go type.
func TestParamKindWords(t *testing.T) {
	c, err := decode("c.yaml", []byte("rules:\n  SL-X-1:\n    params: {n: many}\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = c.Check([]RuleInfo{{ID: "SL-X-1", Category: "x", Severity: "info", Params: map[string]any{"n": 3}}})
	if err == nil || !strings.Contains(err.Error(), "rules.SL-X-1.params.n: many is not a number like the default 3") {
		t.Errorf("%v", err)
	}
}
