package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRulesJSONKeys: `rules --format json` names its fields in lower case,
// as the lint JSON does (id, title, severity, ...).
func TestRulesJSONKeys(t *testing.T) {
	code, out, errs := run(t, "rules", "--format", "json")
	var rs []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rs) != nil || len(rs) == 0 {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	for _, k := range []string{"id", "title", "severity", "category", "description", "remediation"} {
		if _, ok := rs[0][k]; !ok {
			t.Errorf("no %q in %v", k, rs[0])
		}
	}
}

// TestExplainLink: explain ends with the link to the rule's page.
func TestExplainLink(t *testing.T) {
	code, out, _ := run(t, "explain", "SL-PASS-011")
	if code != 0 || !strings.Contains(out, "https://github.com/stacklint/stacklint/blob/main/docs/rules/SL-PASS-011.md") {
		t.Errorf("exit %d: %s", code, out)
	}
}
