package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/result"
)

// listEntry is a result.ServiceRelease being built: the evidence summed
// over its nodes and the nodes' common reason, worded by finishList.
type listEntry struct {
	result.ServiceRelease
	sums   []candidate
	reason string // the nodes' reason, without counts; "" when they differ
}

// tallyPick adds a node's pick to the list entry of its service and
// release (tally: the entry's index by service, release and BelowOldest),
// summing the evidence.
func tallyPick(tally map[string]int, list []listEntry, service, node string, p *model.Pick, cs []candidate) []listEntry {
	key := fmt.Sprintf("%s\x00%s\x00%v", service, p.Name, p.BelowOldest)
	i, ok := tally[key]
	if !ok {
		i = len(list)
		tally[key] = i
		list = append(list, listEntry{ServiceRelease: result.ServiceRelease{Service: service, Release: p.Name, Series: p.Series, Source: p.Source, BelowOldest: p.BelowOldest}})
		if p.Source != "auto" {
			list[i].Why = p.Why
		}
		list[i].reason = p.Reason
	} else if list[i].reason != p.Reason {
		list[i].reason = "" // each node has its own: worded in general
	}
	if len(list[i].Nodes) == 0 {
		list[i].Fits = p.Fits
	} else {
		list[i].Fits = intersect(list[i].Fits, p.Fits)
	}
	list[i].Nodes = append(list[i].Nodes, node)
	if cs != nil {
		list[i].sums = addCounts(list[i].sums, cs)
	}
	return list
}

// intersect keeps the names of a that b has too, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func addCounts(sum, cs []candidate) []candidate {
	if sum == nil {
		return append([]candidate(nil), cs...)
	}
	for i := range sum {
		sum[i].unknown += cs[i].unknown
		sum[i].policies += cs[i].policies
		sum[i].deprecated += cs[i].deprecated
		sum[i].keys += cs[i].keys
	}
	return sum
}

// finishList words the evidence of each entry and returns the list sorted
// by service, then release series (nil for no entry).
func finishList(entries []listEntry) []result.ServiceRelease {
	if entries == nil {
		return nil
	}
	releases := map[string]map[string]bool{}
	for _, e := range entries {
		if releases[e.Service] == nil {
			releases[e.Service] = map[string]bool{}
		}
		releases[e.Service][e.Release] = true
	}
	list := make([]result.ServiceRelease, len(entries))
	for i := range entries {
		e := &entries[i]
		sort.Strings(e.Nodes)
		if e.sums != nil {
			e.Why = entryWhy(e, len(releases[e.Service]) > 1)
		}
		list[i] = e.ServiceRelease
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Service != list[j].Service {
			return list[i].Service < list[j].Service
		}
		return list[i].Series < list[j].Series
	})
	return list
}

// entryWhy words the evidence of an entry picked by auto: its nodes'
// reason (or a general one), "mixed releases: " first when the service
// has several, and the summed counts.
func entryWhy(e *listEntry, mixed bool) string {
	why := e.reason
	if why == "" {
		why = "the service's options fit " + e.Release + " best"
		if len(e.Fits) > 1 {
			why = fmt.Sprintf("the service's options fit %s equally well on these nodes; %s is taken", strings.Join(e.Fits, ", "), e.Release)
		}
		if e.BelowOldest {
			why = fmt.Sprintf("older than %s, the oldest release with a schema: checked against it, reporting only what holds in every release", e.Release)
		}
	}
	if mixed {
		why = "mixed releases: " + why
	}
	return why + " (" + counts(e.sums) + ")"
}
