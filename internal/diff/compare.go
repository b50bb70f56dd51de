package diff

import (
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

// Compare is what changes from old to new (see Diff).
func Compare(old, new *Input) *Diff {
	d := &Diff{Version: Version, Old: old.Label, New: new.Label,
		NodesAdded: []string{}, NodesRemoved: []string{}, Processes: []ProcessChange{}, Options: []OptionChange{}}
	if old.Release != new.Release {
		d.Release = &ReleaseChange{Old: old.Release, New: new.Release}
	}
	d.NodesAdded, d.NodesRemoved = setDiff(old.Nodes, new.Nodes)
	for _, node := range common(old.Nodes, new.Nodes) {
		d.compareNode(node, old.Settings[node], new.Settings[node])
	}
	d.Introduced, d.Fixed = compareFindings(old, new)
	d.compareFacts(old, new)
	d.Suppressed = suppressedByChange(old, new)
	d.Fixed = notSuppressed(d.Fixed, d.Suppressed, old, new)
	return d
}

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
	if c.ValueChanged && !c.Secret && long(o.Value, n.Value) {
		c.Chars = Chars(o.Value, n.Value)
	}
	return c, true
}

// value is a setting as the diff shows it.
func value(s lint.Setting) *Value {
	return &Value{Value: s.Value, File: s.File, Line: s.Line, Default: s.Default, Host: s.Host, Error: s.Err, Unregistered: s.Unregistered}
}

// compareFindings matches the findings in force (not suppressed) of the
// two sides by their identity (key), as multisets.
func compareFindings(old, new *Input) (introduced, fixed []finding.Finding) {
	left := map[string]int{}
	for _, f := range old.Findings {
		if f.Suppressed == nil {
			left[key(f, old.Places)]++
		}
	}
	introduced, fixed = []finding.Finding{}, []finding.Finding{}
	for _, f := range new.Findings {
		if f.Suppressed != nil {
			continue
		}
		if k := key(f, new.Places); left[k] > 0 {
			left[k]--
			continue
		}
		introduced = append(introduced, f)
	}
	for i := len(old.Findings) - 1; i >= 0; i-- { // the last of equal findings are the ones left
		f := old.Findings[i]
		if k := key(f, old.Places); f.Suppressed == nil && left[k] > 0 {
			left[k]--
			fixed = append(fixed, f)
		}
	}
	finding.Sort(introduced)
	finding.Sort(fixed)
	return introduced, fixed
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
	return finding.Fingerprint(g)
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
