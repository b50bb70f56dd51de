package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/schema"
)

// When even the best-fitting release leaves more than maxUnknownPercent
// and at least minUnknown of a service's options unknown, and that release
// is the oldest stacklint has a schema for, the files are taken to be
// older than it: an Icehouse nova.conf is closest to the oldest schema,
// but that schema's verdicts on removed options would be wrong for it.
// Measured on ../shared/corpus: Havana to Ocata files leave 20-85 % of
// nova's options unknown to Zed; a 2023.2 deployment's own mistakes (an
// option in the wrong section, a made-up section) leave 6 %.
const (
	maxUnknownPercent = 10
	minUnknown        = 3
)

// candidate is a release's schema and how well it reads some files.
type candidate struct {
	rel                       release.Release
	sch                       *schema.Schema
	unknown, deprecated, keys int // the service's options
	policies                  int // policy names of its policy files the release does not register
}

// misfit is how badly the release reads the files: unknown options and
// unregistered policy names.
func (c candidate) misfit() int { return c.unknown + c.policies }

// group is the files one service reads on one node.
type group struct {
	node, service string
	files         []*model.Loaded // its configuration files
	policies      []*model.Loaded // its policy files
}

// pickReleases decides the release every service on every node is checked
// against and completes the run's choice. A release set by --release or
// the configuration applies everywhere. Under auto, each service on each
// node is matched with every known release's schema: the releases that
// leave the fewest of its options unknown fit; among them the release that
// fits the service on every node (the deployment's) is taken, else the
// node's own (fewest deprecated, then the oldest): mixed releases during
// an upgrade are real. Files that fit the oldest release best but leave
// more than maxUnknownPercent unknown are older than it: checked against
// the oldest, BelowOldest.
func pickReleases(choice *release.Choice, files []*model.Loaded) (*model.Releases, []ServiceRelease) {
	out := &model.Releases{Picks: map[[2]string]*model.Pick{}}
	var known []candidate
	schema.All() // decodes every release at once, in parallel
	for _, r := range release.All {
		if sch, err := schema.Load(r.Name); err == nil {
			out.All = append(out.All, sch)
			known = append(known, candidate{rel: r, sch: sch})
		}
	}
	groups := groupFiles(files)
	if choice.Known() {
		sch, err := schema.Load(choice.Name)
		if err != nil {
			return out, nil
		}
		p := &model.Pick{Schema: sch, Name: choice.Name, Series: choice.Series, Source: choice.Source, Why: "set by " + choice.Source}
		var listed []ServiceRelease
		tally := map[string]int{}
		for _, g := range groups {
			out.Picks[[2]string{g.node, g.service}] = p
			listed = tallyPick(tally, listed, g.service, g.node, p, nil)
		}
		out.Fallback = p
		return out, finishList(listed)
	}
	if len(known) == 0 {
		return out, nil
	}
	var listed []ServiceRelease
	tally := map[string]int{}
	fits := map[*group][]candidate{}
	var every [][]candidate
	for _, g := range groups {
		fits[g] = fit(known, g)
		every = append(every, fits[g])
	}
	deployment := fleetRelease(every)
	for service, gs := range byService(groups) {
		var mine [][]candidate
		for _, g := range gs {
			mine = append(mine, fits[g])
		}
		fleet := fleetRelease(mine)
		for _, g := range gs {
			p := pickGroup(fits[g], []candidate{deployment, fleet})
			olderByPolicy(p, known[0].rel.Name, files, g.node, service)
			out.Picks[[2]string{g.node, service}] = p
			listed = tallyPick(tally, listed, service, g.node, p, fits[g])
		}
	}
	out.Fallback = fallback(out.Picks)
	summarize(choice, out)
	return out, finishList(listed)
}

// groupFiles sorts the files a schema covers by node and service.
func groupFiles(files []*model.Loaded) []*group {
	index := map[[2]string]*group{}
	var out []*group
	for _, f := range files {
		svc := model.ServiceOf(f.Kind)
		if svc == "" || f.INI == nil {
			continue
		}
		key := [2]string{f.Node, svc}
		g := index[key]
		if g == nil {
			g = &group{node: f.Node, service: svc}
			index[key] = g
			out = append(out, g)
		}
		g.files = append(g.files, f)
	}
	for _, f := range files {
		if f.Policy == nil {
			continue
		}
		if g := index[[2]string{f.Node, model.PolicyService(f)}]; g != nil {
			g.policies = append(g.policies, f)
		}
	}
	return out
}

func byService(groups []*group) map[string][]*group {
	out := map[string][]*group{}
	for _, g := range groups {
		out[g.service] = append(out[g.service], g)
	}
	return out
}

// fleetRelease is the release that fits a service on the most nodes (is
// among each node's releases with the fewest unknown options); ties: the
// fewest deprecated options over all nodes, then the oldest.
func fleetRelease(fits [][]candidate) candidate {
	if len(fits) == 0 {
		return candidate{}
	}
	members := make([]int, len(fits[0]))
	deprecated := make([]int, len(fits[0]))
	for _, cs := range fits {
		least := best(cs).misfit()
		for i, c := range cs {
			if c.misfit() == least {
				members[i]++
			}
			deprecated[i] += c.deprecated
		}
	}
	b := 0
	for i := range members {
		if members[i] > members[b] || (members[i] == members[b] && deprecated[i] < deprecated[b]) {
			b = i
		}
	}
	return fits[0][b]
}

// fit counts, for every known release, the options of files it leaves
// unknown or calls deprecated.
func fit(known []candidate, g *group) []candidate {
	out := make([]candidate, len(known))
	registry := everyRegistry(known, g.service)
	for i, c := range known {
		c.unknown, c.deprecated, c.keys = count(c.sch, g.files)
		if registry {
			c.policies = unregistered(c.sch, g.service, g.policies)
		}
		out[i] = c
	}
	return out
}

// everyRegistry: every known release registers policy defaults for the
// service in code (glance did not before Ussuri), so their policy names can
// be compared.
func everyRegistry(known []candidate, service string) bool {
	for _, c := range known {
		if len(c.sch.Policies[service]) == 0 {
			return false
		}
	}
	return true
}

// unregistered counts the policy names of a service's policy files that a
// release neither registers nor knows as a deprecated name.
func unregistered(sch *schema.Schema, service string, files []*model.Loaded) int {
	n := 0
	for _, f := range files {
		for _, r := range f.Policy.Rules {
			if sch.Policy(service, r.Name) == nil && len(sch.RenamedTo(service, r.Name)) == 0 {
				n++
			}
		}
	}
	return n
}

// best is the release that fits: fewest unknown, then fewest deprecated,
// then the oldest.
func best(cs []candidate) candidate {
	b := cs[0]
	for _, c := range cs[1:] {
		if c.misfit() < b.misfit() || (c.misfit() == b.misfit() && c.deprecated < b.deprecated) {
			b = c
		}
	}
	return b
}

// pickGroup picks the release of one service on one node: among the
// releases that fit it best (fewest unknown options), the one that fits
// the most services on the most nodes of the deployment, else the one
// that fits the service on the most nodes, else the node's own (fewest
// deprecated, then the oldest).
func pickGroup(cs []candidate, preferred []candidate) *model.Pick {
	own := best(cs)
	chosen, why := own, "its options fit "+own.rel.Name+" best"
	if tied := ties(cs, own); len(tied) > 1 {
		why = fmt.Sprintf("its options fit %s equally well; %s, the oldest of them with the fewest deprecated names, is taken", strings.Join(tied, ", "), own.rel.Name)
	}
	reasons := []string{"fits the most services of the deployment", "fits the service on the most nodes"}
	for i, pref := range preferred {
		if c := find(cs, pref.rel); c.misfit() == own.misfit() {
			chosen, why = c, "its options fit "+c.rel.Name+" as well as any, and it "+reasons[i]
			break
		}
	}
	if chosen.rel != preferred[1].rel {
		why += fmt.Sprintf(", while %s fits the service on the most nodes (mixed releases)", preferred[1].rel.Name)
	}
	p := &model.Pick{Schema: chosen.sch, Name: chosen.rel.Name, Series: chosen.rel.Series, Source: release.Auto}
	below := chosen.rel == cs[0].rel && chosen.unknown >= minUnknown && chosen.unknown*100 > chosen.keys*maxUnknownPercent
	if below {
		p.BelowOldest = true
		why = fmt.Sprintf("older than %s, the oldest release stacklint has a schema for: %d of its %d options are unknown to every release from %s on; checked against %s, reporting only what holds in every release",
			chosen.rel.Name, chosen.unknown, chosen.keys, chosen.rel.Name, chosen.rel.Name)
	}
	p.Why = why + " (" + counts(cs) + ")"
	return p
}

// ties names the releases that fit as well as the best one.
func ties(cs []candidate, b candidate) []string {
	var out []string
	for _, c := range cs {
		if c.misfit() == b.misfit() && c.deprecated == b.deprecated {
			out = append(out, c.rel.Name)
		}
	}
	return out
}

// find is the candidate of a release.
func find(cs []candidate, r release.Release) candidate {
	for _, c := range cs {
		if c.rel == r {
			return c
		}
	}
	return candidate{unknown: -1}
}

// counts is the evidence: every release's unknown and deprecated counts.
func counts(cs []candidate) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s %d unknown/%d deprecated of %d", c.rel.Name, c.unknown, c.deprecated, c.keys)
		if c.policies > 0 {
			parts[i] += fmt.Sprintf(" and %d unregistered policy names", c.policies)
		}
	}
	return strings.Join(parts, ", ")
}

// fallback is the pick for services that have no files of their own on a
// node: the release picked most often (ties: the oldest series).
func fallback(picks map[[2]string]*model.Pick) *model.Pick {
	n := map[string]int{}
	byName := map[string]*model.Pick{}
	for _, p := range picks {
		n[p.Name]++
		if q := byName[p.Name]; q == nil || (!p.BelowOldest && q.BelowOldest) {
			byName[p.Name] = p
		}
	}
	var names []string
	for name := range n {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if n[names[i]] != n[names[j]] {
			return n[names[i]] > n[names[j]]
		}
		return byName[names[i]].Series < byName[names[j]].Series
	})
	if len(names) == 0 {
		return nil
	}
	p := *byName[names[0]]
	p.Why = fmt.Sprintf("no configuration file of the service on the node: the release most services fit (%d of %d)", n[names[0]], len(picks))
	return &p
}

// summarize sets the run's release: the one every service fits, or the
// most common one, and why.
func summarize(choice *release.Choice, r *model.Releases) {
	if r.Fallback == nil {
		choice.Why = "not detected: no option of a file kind the schemas cover; release-aware checks are skipped, set --release or release: in .stacklint.yaml"
		return
	}
	choice.Release = release.Release{Name: r.Fallback.Name, Series: r.Fallback.Series}
	names := map[string]bool{}
	older := map[string]bool{}
	for key, p := range r.Picks {
		names[p.Name] = true
		if p.BelowOldest {
			older[key[1]] = true
		}
	}
	why := "every service's options fit it best"
	if len(names) > 1 {
		why = fmt.Sprintf("the release most services fit; releases differ by service or node (%d releases): see the releases list", len(names))
	}
	if len(older) > 0 {
		why += fmt.Sprintf("; the files of %s look older than %s, the oldest release stacklint has a schema for: only what holds in every release is reported for them", strings.Join(sortedKeys(older), ", "), r.All[0].Release)
	}
	choice.Why = why
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// count resolves every key of every file the schema has a kind for.
func count(sch *schema.Schema, files []*model.Loaded) (unknown, deprecated, keys int) {
	for _, f := range files {
		kind := model.SchemaKind(f.Kind)
		if f.INI == nil || !sch.Has(kind) {
			continue
		}
		for _, s := range f.INI.Sections {
			auth := model.AuthType(f.INI, s.Name)
			for _, k := range s.Keys {
				keys++
				section := model.SchemaSection(kind, f.INI, s.Name)
				switch sch.Resolve(kind, section, k.Name, auth).Status {
				case schema.Unknown:
					if model.ReadBy(sch, kind, section, k.Name, auth) == "" {
						unknown++
					}
				case schema.Deprecated:
					deprecated++
				}
			}
		}
	}
	return unknown, deprecated, keys
}
