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
