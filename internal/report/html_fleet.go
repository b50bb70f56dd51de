package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// noRole and outside name the overview's groups of nodes without a role
// and of locations on no node (loose files, the snapshot itself).
const (
	noRole  = "no role"
	outside = "outside nodes"
)

// findingNodes returns, for each finding of r.Findings, the nodes it
// stands for: its primary location's node, and the nodes of the findings
// lint folded into it (one fault on many nodes, result.Result.Unfolded), in
// natural order. A folded finding keeps its lead's rule and the lead's and
// members' primary locations, which is how members are matched to it.
func findingNodes(r *result.Result) [][]string {
	type at struct {
		rule string
		loc  finding.Location
	}
	out := make([][]string, len(r.Findings))
	shown := map[string]bool{}
	lead := map[at]int{}
	for i, f := range r.Findings {
		out[i] = []string{primary(f).Node}
		shown[f.Fingerprint] = true
		if f.Suppressed != nil {
			continue
		}
		for _, l := range f.Locations {
			if _, ok := lead[at{f.Rule, l}]; !ok {
				lead[at{f.Rule, l}] = i
			}
		}
	}
	for _, u := range r.Unfolded {
		if u.Suppressed != nil || shown[u.Fingerprint] || len(u.Locations) == 0 {
			continue
		}
		if i, ok := lead[at{u.Rule, u.Locations[0]}]; ok {
			out[i] = append(out[i], u.Locations[0].Node)
		}
	}
	for i := range out {
		out[i] = sortedUnique(out[i])
	}
	return out
}

// sortedUnique sorts names naturally ("compute2" before "compute10") and
// drops repeats.
func sortedUnique(names []string) []string {
	sort.Slice(names, func(i, j int) bool { return naturalLess(names[i], names[j]) })
	out := names[:0]
	for i, n := range names {
		if i == 0 || n != names[i-1] {
			out = append(out, n)
		}
	}
	return out
}

// naturalLess orders strings with runs of digits compared as numbers, then
// bytewise: compute2 < compute10, and a total order for any bytes.
func naturalLess(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ea, eb := digitsEnd(a, i), digitsEnd(b, j)
			na, nb := strings.TrimLeft(a[i:ea], "0"), strings.TrimLeft(b[j:eb], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			i, j = ea, eb
			continue
		}
		if a[i] != b[j] {
			return a[i] < b[j]
		}
		i++
		j++
	}
	if len(a)-i != len(b)-j {
		return len(a)-i < len(b)-j
	}
	return a < b
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// fleetGroups lists the nodes of r by role group: every node of the
// snapshot (r.Roles) and every node a finding names, grouped by their
// roles joined with "+", groups in name order, then nodes without a role,
// then locations on no node. Each group's nodes are in natural order.
func fleetGroups(r *result.Result, nodes [][]string) (names []string, members map[string][]string, groupOf map[string]string) {
	groupOf = map[string]string{}
	for n, roles := range r.Roles {
		groupOf[n] = roleGroup(n, roles)
	}
	for _, ns := range nodes {
		for _, n := range ns {
			if _, ok := groupOf[n]; !ok {
				groupOf[n] = roleGroup(n, "")
			}
		}
	}
	members = map[string][]string{}
	for n, g := range groupOf {
		members[g] = append(members[g], n)
	}
	for g := range members {
		members[g] = sortedUnique(members[g])
		names = append(names, g)
	}
	rank := func(g string) int { return map[string]int{noRole: 1, outside: 2}[g] }
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i], names[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a < b
	})
	return names, members, groupOf
}

// roleGroup is the overview group of a node with these roles.
func roleGroup(node, roles string) string {
	switch {
	case node == "":
		return outside
	case roles == "":
		return noRole
	}
	return strings.ReplaceAll(roles, "+", " + ")
}

// categories lists the rule categories (rules/<category>/) of the rules
// that ran, sorted, and maps every rule id to its category.
func categories(rules []finding.Rule) ([]string, map[string]string) {
	of := map[string]string{}
	seen := map[string]bool{}
	var names []string
	for _, r := range rules {
		of[r.ID] = r.Category
		if !seen[r.Category] {
			seen[r.Category] = true
			names = append(names, r.Category)
		}
	}
	sort.Strings(names)
	return names, of
}

// fullGroup is how many nodes a group may have before its nodes alike
// share a row.
const fullGroup = 12

// alike merges the rows of nodes whose cells are the same (the same
// counts and worst severities in every category) into one row that names
// them, in the order of their first node, the nodes without a finding
// last: in a fleet, one fault on 400 computes is one row and the computes
// without a finding another, so that the odd nodes stand out.
func alike(rows []htmlRow) []htmlRow {
	var out []htmlRow
	at := map[string]int{}
	for _, r := range rows {
		sig := signature(r)
		if i, ok := at[sig]; ok {
			out[i].Names = append(out[i].Names, r.Name)
			continue
		}
		at[sig] = len(out)
		r.Names = []string{r.Name}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Total.Count > 0 && out[j].Total.Count == 0 })
	for i := range out {
		switch r := &out[i]; {
		case len(r.Names) == 1:
			r.Names = nil
		case r.Total.Count == 0:
			r.Name = fmt.Sprintf("%d nodes without findings", len(r.Names))
		default:
			r.Name = fmt.Sprintf("%d nodes like %s", len(r.Names), r.Names[0])
		}
	}
	return out
}

// signature is what a row shows: each cell's count and worst severity.
func signature(r htmlRow) string {
	var b strings.Builder
	for _, c := range r.Cells {
		fmt.Fprintf(&b, "%d%s,", c.Count, c.Worst)
	}
	return b.String()
}
