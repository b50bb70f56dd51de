package model

import (
	"reflect"
	"testing"

	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/parser/policy"
)

// buildRelease is build with a release's schema (policy defaults).
func buildRelease(t *testing.T, release string, files map[string]string) map[string]any {
	t.Helper()
	sch, err := schema.Load(release)
	if err != nil {
		t.Fatal(err)
	}
	pick := &Pick{Schema: sch, Name: release, Source: "--release"}
	ix, err := schema.LoadIndex()
	if err != nil {
		t.Fatal(err)
	}
	return BuildWith(writeSnapshot(t, files), Options{Releases: func([]*Loaded) *Releases {
		return &Releases{Index: ix, Fallback: pick}
	}}).Plain()
}

func policyRules(t *testing.T, doc map[string]any, path string) (map[string]any, map[string]any) {
	t.Helper()
	for _, p := range doc["policies"].([]any) {
		if pd := p.(map[string]any); pd["path"] == path {
			return pd, pd["rules"].(map[string]any)
		}
	}
	t.Fatalf("no policy document %s", path)
	return nil, nil
}

// TestPolicyFacts: references know where they are defined (the file, the
// registered defaults, nowhere) and whether a "not" is above them; names
// know how the release registers them; checks carry their file position.
func TestPolicyFacts(t *testing.T) {
	files := map[string]string{
		"ctl/etc/nova/nova.conf": "[DEFAULT]\n",
		"ctl/etc/nova/policy.json": "{\n" +
			"  \"a\": \"rule:admin_api or not rule:nope\",\n" +
			"  \"os_compute_api:servers:craete\": \"rule:a\",\n" +
			"  \"os_compute_api:os-used-limits\": \"\"\n}\n",
	}
	doc := buildRelease(t, "zed", files)
	pd, rules := policyRules(t, doc, "ctl/etc/nova/policy.json")
	if pd["read_as"] != "policy_file" {
		t.Errorf("zed falls back to policy.json; read_as = %v", pd["read_as"])
	}
	refs := rules["a"].(map[string]any)["refs"].([]any)
	want := []struct {
		name, defined string
		negated       bool
		col           int
	}{{"admin_api", "registered", false, 9}, {"nope", "", true, 31}}
	for i, w := range want {
		r := refs[i].(map[string]any)
		if r["name"] != w.name || r["defined"] != w.defined || r["negated"] != w.negated || r["line"] != 2 || r["column"] != w.col {
			t.Errorf("ref %d = %v, want %+v at 2:%d", i, r, w, w.col)
		}
	}
	reg := rules["os_compute_api:servers:craete"].(map[string]any)["registered"].(map[string]any)
	if reg["status"] != "unknown" || reg["suggestion"] != "os_compute_api:servers:create" {
		t.Errorf("typo'd name: %v", reg)
	}
	reg = rules["os_compute_api:os-used-limits"].(map[string]any)["registered"].(map[string]any)
	if reg["status"] != "deprecated" {
		t.Errorf("renamed name: %v", reg)
	}
	if st := rules["os_compute_api:os-used-limits"].(map[string]any)["str"]; st != "@" {
		t.Errorf("empty value parses to %v, want @", st)
	}

	doc = buildRelease(t, "2026.2", files)
	if pd, _ := policyRules(t, doc, "ctl/etc/nova/policy.json"); pd["read_as"] != "" {
		t.Errorf("2026.2 ignores policy.json when policy_file is unset; read_as = %v", pd["read_as"])
	}
}

// TestAlwaysAndNearKind: trees that allow everyone whatever the
// credentials, and generic checks that were meant to be role/rule checks.
func TestAlwaysAndNearKind(t *testing.T) {
	for in, want := range map[string]truth{
		"": yes, "@": yes, "!": no, "role:a or @": yes, "role:a and @": unknown,
		"not !": yes, "@ and @": yes, "role:a or !": unknown, "not @ or ! ": no,
	} {
		if got := always(policy.Parse(in).Tree); got != want {
			t.Errorf("always(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"rloe:admin": "role", "ROLE:admin": "role", "Rule:x": "rule", "rul:x": "rule",
		"roles:admin": "", "role:admin": "", "user_id:x": "", "is_admin:True": "",
	} {
		if got := nearKind(policy.Parse(in).Tree); got != want {
			t.Errorf("nearKind(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCycles: strongly connected components of more than one rule, or a
// rule that refers to itself; chains and references into a cycle are not
// cycles themselves.
func TestCycles(t *testing.T) {
	g := map[string][]string{
		"show": {"loop_a"}, "loop_a": {"loop_b"}, "loop_b": {"loop_a", "x"},
		"self": {"self"}, "x": {"y"}, "y": nil,
		"c": {"d"}, "d": {"e"}, "e": {"c"},
	}
	got := cycles(g)
	want := [][]string{{"c", "d", "e"}, {"loop_a", "loop_b"}, {"self"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cycles = %v, want %v", got, want)
	}
}
