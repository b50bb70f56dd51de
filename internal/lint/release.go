package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/schema"
)

// When the release picked is the oldest stacklint has a schema for and at
// least minUnknown and more than maxUnknownPercent of a service's options
// are known to no release at all, the files are taken to be older than it:
// an Icehouse nova.conf is closest to the oldest schema, but that schema's
// verdicts on options removed before it would be wrong. Measured on
// ../shared/corpus: Havana to Ocata files set 4-85 % of nova's options no
// release from Stein on knows; Train to 2024.1 deployments 0-4 %, and
// those are not picked as the oldest release (their newer options say
// so).
const (
	maxUnknownPercent = 3
	minUnknown        = 3
	// muchOlderPercent: files that set more options than this known to no
	// release are older than every schema, whichever release fits them
	// best (a Juno glance-api.conf: 36 of 65).
	muchOlderPercent = 20
)

// candidate is a release's schema and how well it reads some files. An
// option (or policy name) the release does not know yet, while a later one
// does, is strong evidence against it: nobody sets an option that does not
// exist yet. One a later release no longer knows is weak evidence: stale
// lines outlive upgrades ([cells] enable in a Zed nova.conf).
type candidate struct {
	rel release.Release
	bit int // the release's position in the schema index
	// newer: options and policy names only later releases know; stale:
	// ones only earlier releases knew; never: options no release knows.
	newer, stale, never int
	unknown, deprecated int // options the release does not know, or calls deprecated
	// node: options of the node's other services that only later releases
	// know (a node runs one release's packages, as a rule).
	node     int
	keys     int // options
	policies int // policy names the release does not register
}

// misfit weighs the evidence against the release: an option it does not
// know yet counts twice, one it no longer knows once; an option of another
// service of the node that it does not know yet counts twice too (a stale
// [cells] enable in a nova.conf does not make a node whose glance sets
// Zed's options a Stein node).
func (c candidate) misfit() int { return 2*(c.newer+c.node) + c.stale }

// worse orders candidates of equal misfit: more deprecated names.
func (c candidate) worse(d candidate) bool { return c.deprecated > d.deprecated }

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
func pickReleases(choice *release.Choice, files []*model.Loaded) (*model.Releases, []result.ServiceRelease) {
	out := &model.Releases{Picks: map[[2]string]*model.Pick{}}
	ix, err := schema.LoadIndex()
	if err != nil {
		return out, nil
	}
	out.Index = ix
	known := knownCandidates(ix)
	groups := groupFiles(files)
	if choice.Known() {
		var listed []listEntry
		tally := map[string]int{}
		for _, g := range groups {
			p := setPick(choice, g.service)
			out.Picks[[2]string{g.node, g.service}] = p
			listed = tallyPick(tally, listed, g.service, g.node, p, nil)
		}
		out.Fallback = setPick(choice, "")
		return out, finishList(listed)
	}
	if len(known) == 0 {
		return out, nil
	}
	var listed []listEntry
	tally := map[string]int{}
	fits := map[*group][]candidate{}
	var every [][]candidate
	groups = slices.DeleteFunc(groups, func(g *group) bool { return !hasEvidence(g) })
	for _, g := range groups {
		fits[g] = fit(ix, known, g)
	}
	nodeEvidence(groups, fits)
	for _, g := range groups {
		every = append(every, fits[g])
	}
	deployment, deployWhy := deploymentRelease(choice, known, every)
	for service, gs := range byService(groups) {
		var mine [][]candidate
		for _, g := range gs {
			mine = append(mine, fits[g])
		}
		fleet := fleetRelease(mine)
		for _, g := range gs {
			p := pickGroup(fits[g], preference{deployment: deployment, deployWhy: deployWhy, fleet: fleet, fleetFits: mine})
			if deployment.rel == known[0].rel {
				olderByPolicy(p, known[0].rel.Name, g.policies, service)
			}
			evidence := fits[g]
			if _, ok := choice.Services[service]; ok {
				p, evidence = setPick(choice, service), nil
			}
			out.Picks[[2]string{g.node, service}] = p
			listed = tallyPick(tally, listed, service, g.node, p, evidence)
		}
	}
	out.Fallback = fallback(out.Picks)
	summarize(choice, out)
	return out, finishList(listed)
}

// knownCandidates are the releases of release.All the index holds,
// oldest first.
func knownCandidates(ix *schema.Index) []candidate {
	var known []candidate
	for _, r := range release.All {
		if bit := ix.Bit(r.Name); bit >= 0 {
			known = append(known, candidate{rel: r, bit: bit})
		}
	}
	return known
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
		key := [2]string{f.Node, model.PolicyService(f)}
		g := index[key]
		if g == nil && knownService(key[1]) {
			g = &group{node: f.Node, service: key[1]} // policy files only: their names are the evidence
			index[key] = g
			out = append(out, g)
		}
		if g != nil {
			g.policies = append(g.policies, f)
		}
	}
	return out
}

// knownService: a service whose files stacklint has schemas for.
func knownService(name string) bool {
	return slices.Contains([]string{"cinder", "glance", "keystone", "neutron", "nova", "placement"}, name)
}

// hasEvidence: the group's files set an option or a policy (an empty
// nova.conf says nothing of any release).
func hasEvidence(g *group) bool {
	for _, f := range g.policies {
		if len(f.Policy.Rules) > 0 {
			return true
		}
	}
	for _, f := range g.files {
		for _, s := range f.INI.Sections {
			if len(s.Keys) > 0 {
				return true
			}
		}
	}
	return false
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
	sum := make([]candidate, len(fits[0]))
	for _, cs := range fits {
		least := best(cs).misfit()
		for i, c := range cs {
			if c.misfit() == least {
				members[i]++
			}
			sum[i].stale += c.stale
			sum[i].deprecated += c.deprecated
		}
	}
	b := 0
	for i := range members {
		if members[i] > members[b] || (members[i] == members[b] && sum[b].worse(sum[i])) {
			b = i
		}
	}
	return fits[0][b]
}

// fitsAsMany: release a is among the best fitting on as many of the
// service's nodes as release b (no mixed releases between them).
func fitsAsMany(fits [][]candidate, a, b string) bool {
	count := func(name string) int {
		n := 0
		for _, cs := range fits {
			least := best(cs).misfit()
			for _, c := range cs {
				if c.rel.Name == name && c.misfit() == least {
					n++
				}
			}
		}
		return n
	}
	return count(a) >= count(b)
}

// fit counts, for every known release, the options of files it leaves
// unknown or calls deprecated.
func fit(ix *schema.Index, known []candidate, g *group) []candidate {
	out := make([]candidate, len(known))
	for i, c := range known {
		out[i] = candidate{rel: c.rel, bit: c.bit}
	}
	for _, e := range optionEvidence(ix, out, g.files) {
		if e.neutral {
			for i := range out {
				out[i].keys++
				out[i].unknown++
			}
			continue
		}
		classify(out, e.known, true)
		for i := range out {
			if e.deprecated[i] {
				out[i].deprecated++
			}
		}
	}
	if everyRegistry(ix, out, g.service) {
		for _, kn := range policyEvidence(ix, out, g.service, g.policies) {
			classify(out, kn, false)
		}
	}
	return out
}

// nodeEvidence adds to every service's candidates the options of the
// other services of its node that the release does not know yet. A
// service whose files set options no release knows neither gives nor takes
// this evidence: its files may be older than every schema, and an old
// option some later release reuses is no sign of that release.
func nodeEvidence(groups []*group, fits map[*group][]candidate) {
	newer := map[string][]int{} // node -> per release, the sum over its services
	for _, g := range groups {
		if len(fits[g]) == 0 || fits[g][0].never > 0 {
			continue
		}
		sum := newer[g.node]
		if sum == nil {
			sum = make([]int, len(fits[g]))
			newer[g.node] = sum
		}
		for i, c := range fits[g] {
			sum[i] += c.newer
		}
	}
	for _, g := range groups {
		if len(fits[g]) == 0 || fits[g][0].never > 0 {
			continue // options no release knows: the files may be older than every schema
		}
		for i := range fits[g] {
			fits[g][i].node = newer[g.node][i] - fits[g][i].newer
		}
	}
}

// evidence is what every release says of one option; neutral: known to
// none and plainly a mistake, no evidence of any release.
type evidence struct {
	known, deprecated []bool
	neutral           bool
}

// optionEvidence resolves every option of the files in every release (an
// option another file of the same process reads counts as known).
func optionEvidence(ix *schema.Index, cs []candidate, files []*model.Loaded) []evidence {
	var out []evidence
	for _, f := range files {
		kind := model.SchemaKind(f.Kind)
		if f.INI == nil {
			continue
		}
		for _, s := range f.INI.Sections {
			auth := model.AuthType(f.INI, s.Name)
			for _, k := range s.Keys {
				section := model.SchemaGroup(kind, f.INI, s.Name, k.Name)
				e := evidence{known: make([]bool, len(cs)), deprecated: make([]bool, len(cs))}
				v := ix.Resolve(kind, section, k.Name, auth)
				known := ix.Has(kind) & (v.Known | model.ReadByAcross(ix, kind, section, k.Name, auth))
				for i, c := range cs {
					e.known[i], e.deprecated[i] = known.Has(c.bit), v.Deprecated.Has(c.bit)
				}
				if !slices.Contains(e.known, true) && !readBefore(model.ServiceOf(kind), section, k.Name) && !oldOption(ix, cs, kind, section, k.Name) {
					e.neutral = true // a typo or a plugin's option says nothing of the release
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// readBefore: a release older than every schema read the key
// (schema.Older, names only): an old option, not a mistake.
func readBefore(service, section, key string) bool {
	older, err := schema.Older()
	return err == nil && len(older.ReadIn(service, section, key)) > 0
}

// oldOption: a key no release knows may be an option an older release
// read, unless it is plainly a mistake in every release: upper case or
// dashes in its name, a close spelling of an option of its group (the
// newest release's suggestion), the name of an option of one or two other
// groups in some release (misplaced), or a section no release of the kind has (a
// plugin's, or a made-up one).
func oldOption(ix *schema.Index, cs []candidate, kind, section, key string) bool {
	if strings.ToLower(key) != key || strings.Contains(key, "-") {
		return false
	}
	newest := cs[len(cs)-1].bit
	if !ix.Has(kind).Has(newest) {
		return true
	}
	if _, option := ix.Suggest(newest, kind, section, key); option != "" {
		return false
	}
	if n := len(ix.GroupsWith(kind, key)); n > 0 && n <= 2 {
		return false // an option of another group, misplaced ([ml2] vni_ranges); driver, in many groups, says nothing
	}
	return ix.Has(kind)&ix.GroupMask(kind, schema.Group(section)) != 0
}

// policyEvidence says, for every policy name of the files, which releases
// register it (or know it as a deprecated name).
func policyEvidence(ix *schema.Index, cs []candidate, service string, files []*model.Loaded) [][]bool {
	var out [][]bool
	for _, f := range files {
		for _, r := range f.Policy.Rules {
			kn := make([]bool, len(cs))
			m := ix.Policy(service, r.Name)
			for i, c := range cs {
				kn[i] = (m[0] | m[1]).Has(c.bit)
			}
			out = append(out, kn)
		}
	}
	return out
}

// classify adds one name's evidence to every release: known, not known
// yet (newer), no longer known (stale), or known to none (never; options
// only: policy files define aliases of their own).
func classify(cs []candidate, known []bool, option bool) {
	first := slices.Index(known, true)
	for i := range cs {
		if option {
			cs[i].keys++
		}
		if known[i] {
			continue
		}
		if option {
			cs[i].unknown++
		} else {
			cs[i].policies++
		}
		switch {
		case first < 0:
			if option {
				cs[i].never++
			}
		case i < first:
			cs[i].newer++
		default:
			cs[i].stale++
		}
	}
}

// everyRegistry: every known release registers policy defaults for the
// service in code (glance did not before Ussuri), so their policy names can
// be compared.
func everyRegistry(ix *schema.Index, known []candidate, service string) bool {
	for _, c := range known {
		if !ix.PolicyHas(service).Has(c.bit) {
			return false
		}
	}
	return true
}

// best is the release that fits: the least misfit, then the fewest stale
// and deprecated names, then the oldest.
func best(cs []candidate) candidate {
	b := cs[0]
	for _, c := range cs[1:] {
		if c.misfit() < b.misfit() || (c.misfit() == b.misfit() && b.worse(c)) {
			b = c
		}
	}
	return b
}

// preference is what a service's pick on one node leans to when several
// releases fit it equally: the deployment's release (the one that fits the
// most services, or the one the operator set for some services), then the
// release that fits the service on the most of its nodes (fleetFits: each
// node's fits).
type preference struct {
	deployment, fleet candidate
	deployWhy         string // "fits the most services of the deployment"
	fleetFits         [][]candidate
}

// pickGroup picks the release of one service on one node: among the
// releases that fit it best (fewest unknown options), the deployment's,
// else the one that fits the service on the most nodes, else the nearest
// to the deployment's, else the node's own (fewest deprecated, then the
// oldest).
func pickGroup(cs []candidate, pref preference) *model.Pick {
	own := best(cs)
	chosen, why := own, "its options fit "+own.rel.Name+" best"
	if tied := ties(cs, own); len(tied) > 1 {
		why = fmt.Sprintf("its options fit %s equally well; %s, the oldest of them with the fewest deprecated names, is taken", strings.Join(tied, ", "), own.rel.Name)
	}
	if c := find(cs, pref.deployment.rel); c.misfit() == own.misfit() {
		chosen, why = c, "its options fit "+c.rel.Name+" as well as any, and it "+pref.deployWhy
	} else if c := find(cs, pref.fleet.rel); c.misfit() == own.misfit() {
		chosen, why = c, "its options fit "+c.rel.Name+" as well as any, and it fits the service on the most nodes"
	} else if c := nearest(cs, own, pref.deployment.rel.Series); c.rel != own.rel {
		chosen, why = c, fmt.Sprintf("its options fit %s as well as any, the nearest of them to %s, which %s", c.rel.Name, pref.deployment.rel.Name, pref.deployWhy)
	}
	if chosen.rel != pref.fleet.rel && !fitsAsMany(pref.fleetFits, chosen.rel.Name, pref.fleet.rel.Name) {
		why += fmt.Sprintf(", while %s fits the service on the most nodes (mixed releases)", pref.fleet.rel.Name)
	}
	below := chosen.rel == cs[0].rel && chosen.never >= minUnknown && chosen.never*100 > chosen.keys*maxUnknownPercent
	if chosen.never >= minUnknown && chosen.never*100 > chosen.keys*muchOlderPercent {
		chosen, below = cs[0], true // most of it is known to no release: older than all of them
	}
	p := &model.Pick{Schema: load(chosen.rel.Name), Name: chosen.rel.Name, Series: chosen.rel.Series, Source: release.Auto, Oldest: leansOlder(cs, chosen)}
	if below {
		p.BelowOldest = true
		why = fmt.Sprintf("older than %s, the oldest release stacklint has a schema for: %d of its %d options are known to no release from %s on; checked against %s, reporting only what holds in every release",
			chosen.rel.Name, chosen.never, chosen.keys, chosen.rel.Name, chosen.rel.Name)
	}
	p.Reason = why
	p.Why = why + " (" + counts(cs) + ")"
	if !below {
		p.Fits = ties(cs, chosen)
	}
	return p
}

// leansOlder: the chosen release is the oldest, and it fits strictly
// better than the next one or the files set options no release knows
// that are not plain mistakes (never): the files may well be older still,
// and an option no release knows may be one their release read (a tie
// with nothing unknown says nothing of their age).
func leansOlder(cs []candidate, chosen candidate) bool {
	if chosen.rel != cs[0].rel || len(cs) < 2 {
		return false
	}
	return cs[0].misfit() < cs[1].misfit() || chosen.never > 0
}

// nearest is the release as good as b (same misfit, no worse) whose
// series is nearest to series (ties: the older).
func nearest(cs []candidate, b candidate, series string) candidate {
	out, dist := b, seriesDistance(b.rel.Series, series)
	for _, c := range cs {
		if c.misfit() != b.misfit() || c.worse(b) {
			continue
		}
		if d := seriesDistance(c.rel.Series, series); d < dist {
			out, dist = c, d
		}
	}
	return out
}

// seriesDistance counts half-years between two series ("2022.2",
// "2024.1": 3).
func seriesDistance(a, b string) int {
	n := func(s string) int {
		var y, h int
		_, _ = fmt.Sscanf(s, "%d.%d", &y, &h)
		return y*2 + h
	}
	d := n(a) - n(b)
	if d < 0 {
		return -d
	}
	return d
}

// ties names the releases that fit as well as the best one.
func ties(cs []candidate, b candidate) []string {
	var out []string
	for _, c := range cs {
		if c.misfit() == b.misfit() && !c.worse(b) && !b.worse(c) {
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
			parts[i] += fmt.Sprintf(" and %d unregistered policy %s", c.policies, map[bool]string{true: "name", false: "names"}[c.policies == 1])
		}
		if c.node > 0 {
			parts[i] += fmt.Sprintf(", %d newer %s of the node's other services", c.node, map[bool]string{true: "option", false: "options"}[c.node == 1])
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
	if set := setFor(choice, r.Fallback.Name); len(set) > 0 {
		why = fmt.Sprintf("the release set for %s by %s; the other services' options fit it as well as any", strings.Join(set, ", "), choice.Services[set[0]].Source)
	}
	if len(names) > 1 {
		why = fmt.Sprintf("the release most services fit; releases differ by service or node (%d releases): see the releases list", len(names))
	}
	if len(older) > 0 {
		why += fmt.Sprintf("; the files of %s look older than %s, the oldest release stacklint has a schema for: only what holds in every release is reported for them", strings.Join(sortedKeys(older), ", "), r.Index.Releases[0])
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

// load is a release's full schema, decoded once: only the releases picked
// are (detection reads the index). Embedded data that does not decode
// (a broken build; TestEveryRelease loads every release) leaves an empty
// schema: no kind, nothing checked.
func load(name string) *schema.Schema {
	sch, err := schema.Load(name)
	if err != nil {
		return &schema.Schema{Release: name}
	}
	return sch
}

// deploymentRelease is the release the deployment leans to and why: the
// one set for some services (--release auto,nova=2023.2: the operator's
// word, one deployment runs one release), else the one that fits the most
// services.
func deploymentRelease(choice *release.Choice, known []candidate, every [][]candidate) (candidate, string) {
	if set, who := setForServices(choice, known); who != "" {
		return set, "is the release set for " + who
	}
	return fleetRelease(every), "fits the most services of the deployment"
}

// setForServices is the release set by SERVICE=RELEASE items under auto
// (--release auto,nova=2023.2) as a candidate, and whom it was set for
// ("nova by --release"): the release set for the most services (ties: the
// newest). Empty who when none is set.
func setForServices(choice *release.Choice, known []candidate) (candidate, string) {
	var out candidate
	var who []string
	for _, c := range known {
		if set := setFor(choice, c.rel.Name); len(set) > 0 && len(set) >= len(who) {
			out, who = c, set
		}
	}
	if len(who) == 0 {
		return out, ""
	}
	return out, strings.Join(who, ", ") + " by " + choice.Services[who[0]].Source
}

// setFor lists the services a SERVICE=RELEASE item sets to the named
// release, sorted.
func setFor(choice *release.Choice, name string) []string {
	var out []string
	for service, c := range choice.Services {
		if c.Name == name {
			out = append(out, service)
		}
	}
	sort.Strings(out)
	return out
}

// setPick is the pick of the release set by --release or the
// configuration for a service: its own SERVICE=RELEASE item, else the
// release set for every service.
func setPick(choice *release.Choice, service string) *model.Pick {
	c, why := choice.For(service), "set by "+choice.Source
	if one, ok := choice.Services[service]; ok {
		why = "set by " + one.Source + " for " + service
	}
	return &model.Pick{Schema: load(c.Name), Name: c.Name, Series: c.Series, Source: c.Source, Why: why}
}
