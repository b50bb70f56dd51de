package schema

import (
	"sort"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
)

// PolicyDefault is a policy a service registers in code.
type PolicyDefault struct {
	Check      string   `json:"c"`            // the default check string
	OldName    string   `json:"dn,omitempty"` // the deprecated name it replaces, when renamed
	OldCheck   string   `json:"dc,omitempty"` // the deprecated check string, when it changed
	Removal    int      `json:"dfr,omitempty"`
	ScopeTypes []string `json:"st,omitempty"`
}

// PolicyServices lists the services whose policy defaults are known.
func (s *Schema) PolicyServices() []string {
	out := make([]string, 0, len(s.Policies))
	for svc := range s.Policies {
		out = append(out, svc)
	}
	sort.Strings(out)
	return out
}

// Policy returns the default a service registers under name; nil when the
// service is unknown or does not register the name.
func (s *Schema) Policy(service, name string) *PolicyDefault {
	return s.Policies[service][name]
}

// RenamedTo returns the names registered in place of a deprecated policy
// name (sorted; several new policies may replace one old one).
func (s *Schema) RenamedTo(service, old string) []string {
	var out []string
	for name, d := range s.Policies[service] {
		if d.OldName == old && name != old {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// SuggestPolicy returns the registered policy name closest to name by edit
// distance (at most 2, or a third of the name for long names); "" if none.
func (s *Schema) SuggestPolicy(service, name string) string {
	names := make([]string, 0, len(s.Policies[service]))
	for n := range s.Policies[service] {
		names = append(names, n)
	}
	sort.Strings(names)
	best, bestD := "", maxDistance(name)+1
	for _, n := range names {
		if d := editdist.Distance(name, n, bestD); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// JSONPolicyFallback reports whether the release's oslo.policy still picks
// policy.json when policy_file is left at its policy.yaml default and only
// policy.json exists (pick_default_policy_file, removed in oslo.policy 5.0.0).
func (s *Schema) JSONPolicyFallback() bool {
	major, _, _ := strings.Cut(s.Versions["oslo.policy"], ".")
	n, err := strconv.Atoi(major)
	return err != nil || n < 5
}
