package oracle

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/stacklint/stacklint/parser/policy"
)

// TestPolicyParserMatchesOsloPolicy is the differential test of the policy
// language parser: for every rule of every corpus policy file, of the Zed
// samples (uncommented) and of a generated file of random rule strings,
// the status (ok, syntax error, check error, exception) and the
// normalised tree (oslo.policy's str()) must equal what oslo.policy makes
// of it (../shared/upstream/policy_check.py).
func TestPolicyParserMatchesOsloPolicy(t *testing.T) {
	root := shared(t)
	if err := exec.Command(python, "-c", "import oslo_policy").Run(); err != nil {
		t.Skip("python3-oslo.policy is not installed (make corpus installs it)")
	}
	files := policyFiles(t, root)
	rules, diffs := 0, 0
	for _, f := range files {
		want := runPolicyCheck(t, filepath.Join(root, "upstream", "policy_check.py"), f)
		got, err := loadPolicy(f)
		if err != nil {
			t.Errorf("%s: stacklint cannot load it (%v), oslo.policy: %v", f, err, want.LoadError)
			continue
		}
		for _, r := range want.Rules {
			rules++
			res := policy.Parse(got[r.Name])
			tree := ""
			if res.Tree != nil {
				tree = res.Tree.String()
			}
			if string(res.Status) != r.Status || (r.Status != "exception" && tree != r.Parsed) {
				diffs++
				t.Errorf("%s %q = %q: stacklint %s %q, oslo.policy %s %q", filepath.Base(f), r.Name, r.Value, res.Status, tree, r.Status, r.Parsed)
			}
		}
	}
	t.Logf("%d rules of %d files compared with oslo.policy, %d differences", rules, len(files), diffs)
	if rules < 1000 {
		t.Errorf("only %d rules compared", rules)
	}
}

type policyCheckOut struct {
	LoadError string `json:"load_error"`
	Rules     []struct {
		Name   string `json:"name"`
		Value  any    `json:"value"`
		Status string `json:"status"`
		Parsed string `json:"parsed"`
	} `json:"rules"`
}

func runPolicyCheck(t *testing.T, script, file string) policyCheckOut {
	cmd := exec.Command(python, script, file)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	b, _ := cmd.Output() // exit 1 with a load_error is a result too
	var out policyCheckOut
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("policy_check %s: %v\n%s", file, err, b)
	}
	return out
}

// loadPolicy reads a policy file as oslo.policy does: JSON first, then YAML.
func loadPolicy(path string) (map[string]any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if json.Unmarshal(b, &m) == nil {
		return m, nil
	}
	err = yaml.Unmarshal(b, &m)
	return m, err
}

// policyFiles: the corpus's policy files, the Zed samples with their rules
// uncommented, and a file of generated rule strings.
func policyFiles(t *testing.T, root string) []string {
	var out []string
	err := filepath.WalkDir(filepath.Join(root, "corpus"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasPrefix(d.Name(), "policy") || strings.Contains(p, "/policy.d/")) &&
			(strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".yaml")) {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	samples, _ := filepath.Glob(filepath.Join(root, "upstream", "zed", "policy", "*.policy.yaml.sample"))
	uncomment := regexp.MustCompile(`(?m)^#("[^"]+":)`)
	for _, s := range samples {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(s), ".sample"))
		if err := os.WriteFile(p, uncomment.ReplaceAll(b, []byte("$1")), 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	gen := filepath.Join(dir, "generated.json")
	if err := os.WriteFile(gen, generatedRules(600), 0o644); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, "long.json")
	if err := os.WriteFile(long, longRules(), 0o644); err != nil {
		t.Fatal(err)
	}
	return append(out, gen, long)
}

// longRules are long and deep rules (issue 14), as deep as policy_check.py
// can print them (Python's recursion limit stops its str() at about 250
// nested and/or levels and 500 nested "not").
func longRules() []byte {
	chain := func(n int, op string) string {
		terms := make([]string, n)
		for i := range terms {
			terms[i] = fmt.Sprintf("role:r%d", i)
		}
		return strings.Join(terms, " "+op+" ")
	}
	nested := func(n int, op string) string {
		return strings.Repeat("(role:a "+op+" ", n) + "role:b" + strings.Repeat(")", n)
	}
	rules := map[string]string{
		"or_chain":        chain(40_000, "or"),
		"and_chain":       chain(40_000, "and"),
		"and_not_chain":   chain(20_000, "and not"),
		"mixed_chain":     strings.Repeat("role:a and not role:b or ", 20_000) + "role:c",
		"not_400":         strings.Repeat("not ", 400) + "role:a",
		"nested_or_200":   nested(200, "or"),
		"nested_and_200":  nested(200, "and"),
		"parens_5000":     strings.Repeat("(", 5000) + "role:a" + strings.Repeat(")", 5000),
		"broken_or_chain": chain(40_000, "or") + " or",
	}
	b, _ := json.MarshalIndent(rules, "", " ")
	return b
}

// generatedRules writes n random rule strings, valid and broken, from the
// pieces the grammar is made of (a fixed seed: the same set every run).
func generatedRules(n int) []byte {
	pieces := []string{
		"role:admin", "role:member", "rule:admin_api", "rule:missing", "not", "NOT", "and", "AND", "or", "Or",
		"(", ")", "@", "!", "role:", "rloe:admin", "ROLE:admin", "is_admin:True", "is_admin:true",
		"'p1':%(project_id)s", "project_id:%(project_id)s", "http://h/x", "https://h/y", `"quoted"`, "'q'",
		"(role:a", "role:b)", "((role:c))", "x", "user.domain.id:default", "True:%(user.enabled)s", "role:admin)",
		"(not", "rule:a)", "()", "",
	}
	rng := rand.New(rand.NewSource(20261122))
	rules := map[string]string{}
	for i := 0; i < n; i++ {
		k := 1 + rng.Intn(8)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = pieces[rng.Intn(len(pieces))]
		}
		sep := " "
		if rng.Intn(6) == 0 {
			sep = "  \t"
		}
		rules[fmt.Sprintf("gen%03d", i)] = strings.Join(parts, sep)
	}
	b, _ := json.MarshalIndent(rules, "", " ")
	return b
}
