package diff

import (
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

// Compare is what changes from old to new (see Diff).
func Compare(old, new *Input) *Diff {
	d := &Diff{Version: Version, Old: old.Label, New: new.Label,
		NodesAdded: []string{}, NodesRemoved: []string{}, NodesRenamed: []NodeRename{}, Notes: []string{}, Defaults: []DefaultsCount{}, Processes: []ProcessChange{}, Options: []OptionChange{}}
	if old.Release != new.Release {
		d.Release = &ReleaseChange{Old: old.Release, New: new.Release}
	}
	d.NodesAdded, d.NodesRemoved = setDiff(old.Nodes, new.Nodes)
	d.NodesRenamed = renames(old.Hostnames, new.Hostnames, d.NodesRemoved, d.NodesAdded)
	pairs := map[string]string{} // NEW name → OLD name
	for _, node := range common(old.Nodes, new.Nodes) {
		pairs[node] = node
	}
	own := *old // OLD with its renamed nodes named as in NEW
	renamed := &own
	if len(d.NodesRenamed) > 0 {
		renamed.Places, renamed.rename = maps.Clone(old.Places), map[string]string{}
		for _, r := range d.NodesRenamed {
			pairs[r.New] = r.Old
			renamed.rename[r.Old] = r.New
			d.NodesAdded = slices.DeleteFunc(d.NodesAdded, func(n string) bool { return n == r.New })
			d.NodesRemoved = slices.DeleteFunc(d.NodesRemoved, func(n string) bool { return n == r.Old })
		}
		for path, place := range renamed.Places {
			node, below, _ := strings.Cut(place, ":")
			if n, ok := renamed.rename[node]; ok {
				renamed.Places[path] = n + ":" + below
			}
		}
	}
	for _, node := range sortedKeys(pairs) {
		d.compareNode(node, old.Settings[pairs[node]], new.Settings[node])
	}
	if d.Release != nil {
		d.countDefaults()
	}
	d.Introduced, d.Fixed, d.Reworded = compareFindings(renamed, new)
	d.compareFacts(old, new)
	d.Suppressed = suppressedByChange(renamed, new)
	d.Fixed = notSuppressed(d.Fixed, d.Suppressed, renamed, new)
	return d
}

// countDefaults marks the changes between two defaults, or a default and
// nothing (an option one release only has), the sides' releases
// differing, and counts them per process.
func (d *Diff) countDefaults() {
	for i := range d.Options {
		c := &d.Options[i]
		if fromFile(c.Old) || fromFile(c.New) {
			continue
		}
		c.DefaultOnly = true
		if n := len(d.Defaults); n > 0 && d.Defaults[n-1].Node == c.Node && d.Defaults[n-1].Process == c.Process {
			d.Defaults[n-1].Count++
			continue
		}
		d.Defaults = append(d.Defaults, DefaultsCount{Node: c.Node, Process: c.Process, Count: 1})
	}
}

// fromFile: a value of a file (not a release's default).
func fromFile(v *Value) bool { return v != nil && v.Default == "" }

// compareNode adds the processes and options of a node of both sides
// that change.
func (d *Diff) compareNode(node string, old, new map[string]map[lint.SettingKey]lint.Setting) {
	added, removed := setDiff(sortedKeys(old), sortedKeys(new))
	for _, p := range removed {
		d.Processes = append(d.Processes, ProcessChange{Node: node, Process: p, Kind: Removed})
	}
	for _, p := range added {
		d.Processes = append(d.Processes, ProcessChange{Node: node, Process: p, Kind: Added})
	}
	sort.Slice(d.Processes, func(i, j int) bool {
		a, b := d.Processes[i], d.Processes[j]
		return a.Node < b.Node || a.Node == b.Node && a.Process < b.Process
	})
	for _, p := range common(sortedKeys(old), sortedKeys(new)) {
		d.Options = append(d.Options, compareProcess(node, p, old[p], new[p])...)
	}
}

// compareProcess is every option of one process that changes, by group
// and option.
func compareProcess(node, proc string, old, new map[lint.SettingKey]lint.Setting) []OptionChange {
	keys := map[lint.SettingKey]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range new {
		keys[k] = true
	}
	sorted := make([]lint.SettingKey, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		return a.Group < b.Group || a.Group == b.Group && a.Option < b.Option
	})
	var out []OptionChange
	for _, k := range sorted {
		o, inOld := old[k]
		n, inNew := new[k]
		c, ok := compareSetting(o, n, inOld, inNew)
		if !ok {
			continue
		}
		c.Node, c.Process, c.Group, c.Option = node, proc, k.Group, k.Option
		out = append(out, c)
	}
	return out
}

// compareSetting is the change of one option (ok false: none). A value
// written at another line or in another file is no change.
func compareSetting(o, n lint.Setting, inOld, inNew bool) (OptionChange, bool) {
	c := OptionChange{Secret: o.Secret || n.Secret}
	if inOld {
		c.Old = value(o)
	}
	if inNew {
		c.New = value(n)
	}
	switch {
	case !inOld:
		c.Kind, c.ValueChanged = Added, true
		return c, true
	case !inNew:
		c.Kind, c.ValueChanged = Removed, true
		return c, true
	}
	c.ValueChanged = o.Value != n.Value || o.Err != n.Err || o.Host != n.Host
	switch {
	case o.Written == n.Written && !c.ValueChanged:
		return c, false
	case o.Written == n.Written:
		c.Kind = Changed
	case n.Written:
		c.Kind = DefaultToWritten
	default:
		c.Kind = WrittenToDefault
	}
	if diffable(c, o, n) {
		c.Chars = Chars(o.Value, n.Value)
	}
	return c, true
}

// diffable: a change shown as a character diff: a long value that
// changed, no secret, neither side an unset default.
func diffable(c OptionChange, o, n lint.Setting) bool {
	return c.ValueChanged && !c.Secret && long(o.Value, n.Value) && !unset(o) && !unset(n)
}

// unset: a default with no value ("(none)"), which a character diff
// would only show deleted whole.
func unset(s lint.Setting) bool { return !s.Written && s.Value == "(none)" }

// value is a setting as the diff shows it.
func value(s lint.Setting) *Value {
	return &Value{Value: s.Value, File: s.File, Line: s.Line, Default: s.Default, Host: s.Host, Error: s.Err, Unregistered: s.Unregistered}
}

// compareFindings matches the findings in force (not suppressed) of the
// two sides one to one, in two stages: by their identity (key) first,
// then those left by a key without numbers (looseKey), so that a message
// whose counts move ("used by 7 of 9 references" → "5 of 7"), or that
// names the side's release ("the default in stein" → "in ussuri"), is the
// same finding. A pair of the second stage is neither introduced nor fixed:
// its NEW finding is reworded.
func compareFindings(old, new *Input) (introduced, fixed, reworded []finding.Finding) {
	olds, news := inForce(old.Findings), inForce(new.Findings)
	oldLeft, newLeft := matchStage(olds, news, func(f finding.Finding) string { return key(renamedIn(f, old.rename), old.Places) },
		func(f finding.Finding) string { return key(f, new.Places) })
	oldRest, newRest := pick(olds, oldLeft), pick(news, newLeft)
	renames := old.rename
	if old.Release != "" && new.Release != "" && old.Release != new.Release { // "repeats the default in stein" → "in ussuri"
		renames = maps.Clone(old.rename)
		if renames == nil {
			renames = map[string]string{}
		}
		renames[old.Release] = new.Release
	}
	oldLeft2, newLeft2 := matchStage(oldRest, newRest, func(f finding.Finding) string { return looseKey(renamedIn(f, renames), old.Places) },
		func(f finding.Finding) string { return looseKey(f, new.Places) })
	introduced, fixed, reworded = pick(newRest, newLeft2), pick(oldRest, oldLeft2), []finding.Finding{}
	for i, f := range newRest {
		if !newLeft2[i] {
			reworded = append(reworded, f)
		}
	}
	finding.Sort(introduced)
	finding.Sort(fixed)
	finding.Sort(reworded)
	return introduced, fixed, reworded
}

// inForce are the findings not suppressed.
func inForce(fs []finding.Finding) []finding.Finding {
	out := []finding.Finding{}
	for _, f := range fs {
		if f.Suppressed == nil {
			out = append(out, f)
		}
	}
	return out
}

// matchStage pairs old and new findings of equal keys one to one (as
// multisets; the last of equal old findings are the ones left) and
// returns which indexes of each are left unpaired.
func matchStage(old, new []finding.Finding, oldKey, newKey func(finding.Finding) string) (oldLeft, newLeft map[int]bool) {
	byKey := map[string][]int{}
	for i, f := range old {
		k := oldKey(f)
		byKey[k] = append(byKey[k], i)
	}
	oldLeft, newLeft = map[int]bool{}, map[int]bool{}
	for i := range old {
		oldLeft[i] = true
	}
	for i, f := range new {
		k := newKey(f)
		if q := byKey[k]; len(q) > 0 {
			delete(oldLeft, q[0])
			byKey[k] = q[1:]
			continue
		}
		newLeft[i] = true
	}
	return oldLeft, newLeft
}

// pick are the findings of fs at the indexes in left, in order.
func pick(fs []finding.Finding, left map[int]bool) []finding.Finding {
	out := []finding.Finding{}
	for i, f := range fs {
		if left[i] {
			out = append(out, f)
		}
	}
	return out
}

// digits are runs of digits, set aside by looseKey.
var digits = regexp.MustCompile(`[0-9]+`)

// looseKey is a finding's identity without numbers: the rule, its primary
// location's node and path below the node (places), section and key, and
// its message with node paths named by places and every run of digits
// removed (counts, line numbers).
func looseKey(f finding.Finding, places map[string]string) string {
	g := placed(f, places)
	l := finding.Primary(g)
	return strings.Join([]string{g.Rule, l.Path, l.Section, l.Key, digits.ReplaceAllString(g.Message, "#")}, "\x00")
}

// key is a finding's identity across the two sides: a folded finding's
// fleet fingerprint (rule, roles, path below the node, ...: whichever
// nodes hold it), else finding.Fingerprint with every path of its
// locations, in them and in its message, named by node and path below the
// node (places).
func key(f finding.Finding, places map[string]string) string {
	if f.Fleet != "" && f.Fingerprint == f.Fleet {
		return f.Fleet
	}
	return finding.Fingerprint(placed(f, places))
}

// placed is f with every path of its locations, in them and in its
// message, named by node and path below the node (places).
func placed(f finding.Finding, places map[string]string) finding.Finding {
	g := f
	g.Locations = slices.Clone(f.Locations)
	paths := make([]string, 0, len(g.Locations))
	for i, l := range g.Locations {
		if p, ok := places[l.Path]; ok {
			paths = append(paths, l.Path)
			g.Locations[i].Path = p
		}
	}
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) }) // the longest first
	for _, p := range paths {
		g.Message = strings.ReplaceAll(g.Message, p, places[p])
	}
	return g
}

// renamedIn is f with the OLD names of renamed nodes (rename: OLD →
// NEW) in its message, as whole words, replaced by their NEW names.
func renamedIn(f finding.Finding, rename map[string]string) finding.Finding {
	for o, n := range rename {
		if !strings.Contains(f.Message, o) {
			continue
		}
		f.Message = regexp.MustCompile(`\b`+regexp.QuoteMeta(o)+`\b`).ReplaceAllLiteralString(f.Message, n)
	}
	return f
}

// renames pairs the nodes of OLD only (removed) with those of NEW only
// (added) whose host names agree, each host name unique on its side
// among all its nodes; sorted by NEW name.
func renames(oldHosts, newHosts map[string]string, removed, added []string) []NodeRename {
	unique := func(hosts map[string]string, names []string) map[string]string {
		count := map[string]int{}
		for _, h := range hosts {
			count[h]++
		}
		out := map[string]string{} // host name → node
		for _, n := range names {
			if h, ok := hosts[n]; ok && h != "" && count[h] == 1 {
				out[h] = n
			}
		}
		return out
	}
	o, n := unique(oldHosts, removed), unique(newHosts, added)
	out := []NodeRename{}
	for h, newName := range n {
		if oldName, ok := o[h]; ok {
			out = append(out, NodeRename{Old: oldName, New: newName, Hostname: h})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].New < out[j].New })
	return out
}

// setDiff are the names only in new (added) and only in old (removed),
// sorted.
func setDiff(old, new []string) (added, removed []string) {
	in := func(list []string) map[string]bool {
		m := map[string]bool{}
		for _, x := range list {
			m[x] = true
		}
		return m
	}
	o, n := in(old), in(new)
	added, removed = []string{}, []string{}
	for x := range n {
		if !o[x] {
			added = append(added, x)
		}
	}
	for x := range o {
		if !n[x] {
			removed = append(removed, x)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	return added, removed
}

// common are the names in both lists, sorted.
func common(old, new []string) []string {
	o := map[string]bool{}
	for _, x := range old {
		o[x] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, x := range new {
		if o[x] && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// long reports whether a changed value is shown as a character diff:
// either side longer than LongValue bytes or of several lines, and
// neither holding a fingerprint (a label is shown whole, never cut).
func long(old, new string) bool {
	if strings.Contains(old, "fp:") || strings.Contains(new, "fp:") {
		return false
	}
	return max(len(old), len(new)) > LongValue || strings.ContainsRune(old+new, '\n')
}

// LongValue is the length in bytes above which a changed value is shown
// as a character diff.
const LongValue = 60
