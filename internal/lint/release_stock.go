package lint

import (
	"fmt"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/parser/policy"
)

// A node's policy files of a service are the stock policy.json of an old
// release when at least minStockRules of their rules, and half of them,
// repeat that release's stock value (internal/schema.StockPolicies): a
// Mitaka keystone.conf may set only options every release reads, while its
// policy.json is Mitaka's own.
const minStockRules = 10

// stockRelease is the old release whose stock policy.json a node's policy
// files of a service (its group's: groupFiles) repeat (with the counts),
// or "" when they do not.
func stockRelease(policies []*model.Loaded, service string) (rel string, matched, total int) {
	count := map[string]int{}
	for _, f := range policies {
		total += countStock(f, service, count)
	}
	for _, name := range schema.StockReleases {
		if n := count[name]; n > 0 && n >= matched {
			rel, matched = name, n // ties: the newer release
		}
	}
	if matched < minStockRules || matched*2 < total {
		return "", matched, total
	}
	return rel, matched, total
}

// countStock adds, per old release, how many rules of a policy file repeat
// its stock value (as oslo.policy parses both); it returns the file's
// number of rules.
func countStock(f *model.Loaded, service string, count map[string]int) int {
	for _, r := range f.Policy.Rules {
		res := policy.Parse(r.Value)
		if res.Tree == nil {
			continue
		}
		for _, sp := range schema.StockPolicies(service, r.Name) {
			if st := policy.Parse(sp.Check); st.Tree != nil && st.Tree.String() == res.Tree.String() {
				for _, name := range sp.Releases {
					count[name]++
				}
			}
		}
	}
	return len(f.Policy.Rules)
}

// olderByPolicy marks a pick older than the oldest schema when the node's
// policy files of the service (policies: its group's, not every file of
// the snapshot again for every node) are an old release's stock file and
// the pick is the oldest release.
func olderByPolicy(p *model.Pick, oldest string, policies []*model.Loaded, service string) {
	if p.BelowOldest || p.Name != oldest {
		return
	}
	rel, matched, total := stockRelease(policies, service)
	if rel == "" {
		return
	}
	p.BelowOldest, p.Fits = true, nil
	p.Reason = fmt.Sprintf("older than %s: its policy files repeat %s's stock policy.json of %s (%d of %d rules)", oldest, service, rel, matched, total)
	p.Why = fmt.Sprintf("older than %s, the oldest release stacklint has a schema for: its policy files repeat %s's stock policy.json of %s (%d of %d rules); checked against %s, reporting only what holds in every release; %s",
		oldest, service, rel, matched, total, oldest, p.Why)
}
