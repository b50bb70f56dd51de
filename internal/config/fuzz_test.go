package config

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// fuzzRules is the rule catalogue the fuzzed configurations are checked
// against: two categories, one rule with a parameter.
var fuzzRules = []RuleInfo{
	{ID: "SL-HOST-010", Category: "hosts", Severity: "warning", Params: map[string]any{"floor": 3}},
	{ID: "SL-PASS-009", Category: "secrets", Severity: "error"},
}

// FuzzLoad checks, for any .stacklint.yaml:
//   - loading (and checking against rules) is deterministic;
//   - every error is one line shaped "<file>:<line>: <message>", with the
//     line within the file (as YAML counts lines) and a message of at most
//     400 bytes;
//   - round trip: a configuration that loads, written back as YAML, loads
//     as the same configuration (lines aside).
func FuzzLoad(f *testing.F) {
	f.Add([]byte("release: zed\nrules:\n  SL-HOST-010: {level: error, params: {floor: 2}}\ndisable: [secrets]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "snapshot/" + FileName
		c, err := loadAndCheck(path, data)
		c2, err2 := loadAndCheck(path, data)
		if !reflect.DeepEqual(c, c2) || fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		if err != nil {
			checkError(t, err, path, data)
			return
		}
		again, err := loadAndCheck(path, render(t, c))
		if err != nil {
			t.Fatalf("written back %q: %v", render(t, c), err)
		}
		if !reflect.DeepEqual(view(again), view(c)) {
			t.Fatalf("round trip:\n got %#v\nwant %#v", view(again), view(c))
		}
	})
}

// loadAndCheck decodes data as the file at path and checks it against
// fuzzRules (Load reads the file, then decodes it the same way).
func loadAndCheck(path string, data []byte) (*Config, error) {
	c, err := decode(path, data)
	if err != nil {
		return nil, err
	}
	return c, c.Check(fuzzRules)
}

// maxErrorBytes bounds an error message after "<file>:<line>: ": 400
// bytes and a "…" where it was cut.
const maxErrorBytes = 400 + len("…")

func checkError(t *testing.T, err error, path string, data []byte) {
	t.Helper()
	msg, ok := strings.CutPrefix(err.Error(), path+":")
	m := lineMessage.FindStringSubmatch(msg)
	if !ok || m == nil {
		t.Fatalf("error not shaped <file>:<line>: <message>: %q", err)
	}
	n, _ := strconv.Atoi(m[1])
	if lines := len(lineBreak.Split(fuzzcheck.YAMLText(data), -1)); n < 1 || n > lines {
		t.Fatalf("error at line %d of %d: %q", n, lines, err)
	}
	if len(m[2]) > maxErrorBytes {
		t.Fatalf("message of %d bytes: %q", len(m[2]), m[2])
	}
}

var lineMessage = regexp.MustCompile(`^(\d+): ([^\n]+)$`)

// lineBreak matches the line breaks YAML counts: "\r\n", "\r", "\n", and
// (yaml.v3, as libyaml) NEL, LS and PS.
var lineBreak = regexp.MustCompile("\r\n|[\r\n\u0085\u2028\u2029]")

// view is a configuration without the lines it was read from.
func view(c *Config) map[string]any {
	strs := func(ns []Name) []string {
		out := []string{}
		for _, n := range ns {
			out = append(out, n.Value)
		}
		return out
	}
	rules := map[string]any{}
	for k, r := range c.Rules.ByName {
		params := r.Params
		if len(params) == 0 {
			params = nil // "params: {}" and none are the same
		}
		rules[k] = []any{r.Level, params}
	}
	ignores := []Ignore{}
	for _, i := range c.Ignores {
		i.Line = 0
		ignores = append(ignores, i)
	}
	nodes := map[string]any{} // a node's roles: null (inferred) differs from [] (none)
	for n, s := range c.Nodes {
		node := map[string]any{}
		if s.Roles != nil {
			node["roles"] = s.Roles
		}
		if s.Addresses != nil {
			node["addresses"] = s.Addresses
		}
		nodes[n] = node
	}
	return map[string]any{
		"release": c.Release, "nodes": nodes, "rules": rules, "disable": strs(c.Disable),
		"enable": strs(c.Enable), "ignore_paths": strs(c.IgnorePaths), "ignores": ignores,
	}
}

// render writes a configuration as YAML in the documented shapes.
func render(t *testing.T, c *Config) []byte {
	t.Helper()
	doc := view(c)
	rules := map[string]any{}
	for k, r := range c.Rules.ByName {
		rules[k] = map[string]any{"level": r.Level, "params": r.Params}
	}
	doc["rules"] = rules
	out, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
