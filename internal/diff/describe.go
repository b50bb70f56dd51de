package diff

import (
	"fmt"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// row is one line of the options section: a process added or removed
// (opt nil) or an option's change.
type row struct {
	node, process, kind string
	opt                 *OptionChange
}

// mergeRows are the process and option changes in one list, by node and
// process (a process's own change before its options').
func mergeRows(d *Diff) []row {
	var out []row
	i, j := 0, 0
	for i < len(d.Processes) || j < len(d.Options) {
		if j == len(d.Options) || i < len(d.Processes) && !after(d.Processes[i], d.Options[j]) {
			p := d.Processes[i]
			out = append(out, row{node: p.Node, process: p.Process, kind: p.Kind})
			i++
			continue
		}
		c := &d.Options[j]
		out = append(out, row{node: c.Node, process: c.Process, kind: c.Kind, opt: c})
		j++
	}
	return out
}

// block is the rows of one or more processes of a node whose changes
// are the same (one edit of a file several processes read): procs in
// order, rows those of the first.
type block struct {
	node  string
	procs []string
	rows  []row
}

// blocks are the rows of d by node, processes of a node with the same
// changes in one block (in the order of their first process). A change
// between two defaults (DefaultOnly) is left out unless all is set.
func blocks(d *Diff, all bool) []block {
	var out []block
	sig := map[string]int{} // node + changes → index in out
	var cur *block
	flush := func() {
		if cur == nil || len(cur.rows) == 0 {
			return
		}
		var b strings.Builder
		b.WriteString(cur.node + "\x00")
		for _, r := range cur.rows {
			b.WriteString(r.kind + "\x00")
			if r.opt != nil {
				b.WriteString(r.opt.Group + "\x00" + r.opt.Option + "\x00" + Describe(r.opt) + "\x00")
			}
		}
		if i, ok := sig[b.String()]; ok {
			out[i].procs = append(out[i].procs, cur.procs...)
			return
		}
		sig[b.String()] = len(out)
		out = append(out, *cur)
	}
	for _, r := range mergeRows(d) {
		if r.opt != nil && r.opt.DefaultOnly && !all {
			continue
		}
		if cur == nil || cur.node != r.node || cur.procs[0] != r.process {
			flush()
			cur = &block{node: r.node, procs: []string{r.process}}
		}
		cur.rows = append(cur.rows, r)
	}
	flush()
	return out
}

// procsName names a block's processes: "nova-api", or "neutron-dhcp-agent,
// neutron-l3-agent (2 processes)".
func procsName(procs []string) string {
	if len(procs) == 1 {
		return procs[0]
	}
	return fmt.Sprintf("%s (%d processes)", strings.Join(procs, ", "), len(procs))
}

// after: p sorts after c (by node, then process).
func after(p ProcessChange, c OptionChange) bool {
	return p.Node > c.Node || p.Node == c.Node && p.Process > c.Process
}

// Describe is an option's change in words, values shown with where they
// come from: "changed: false (file:3) → true (file:3)", "default →
// written, same value: 60", "added: x (file:9, unregistered)". A secret's
// values are its fingerprints, where each is written after them:
// "changed (fp:… → fp:…) (file:3 → file:3)". Values are escaped by
// finding.Visible and cut (Cut); an empty one is "".
func Describe(c *OptionChange) string {
	if c.Kind == Changed && c.Secret && c.Old != nil && c.New != nil {
		return fmt.Sprintf("changed (%s → %s)%s", shown(c.Old), shown(c.New), writtenAt(c.Old, c.New))
	}
	switch c.Kind {
	case Added:
		return "added: " + Where(c.New)
	case Removed:
		return "removed: " + Where(c.Old)
	case Changed:
		return fmt.Sprintf("changed: %s → %s", Where(c.Old), Where(c.New))
	}
	label := "default → written"
	if c.Kind == WrittenToDefault {
		label = "written → default"
	}
	if !c.ValueChanged {
		return fmt.Sprintf("%s, same value: %s → %s", label, Where(c.Old), Where(c.New))
	}
	return fmt.Sprintf("%s: %s → %s", label, Where(c.Old), Where(c.New))
}

// shown is a value as text: escaped, "" for an empty one, "(invalid: …)"
// with the error oslo.config would raise.
func shown(v *Value) string {
	if v == nil {
		return "(none)"
	}
	s := Cut(finding.Visible(v.Value))
	if s == "" {
		s = `""`
	}
	if v.Error != "" {
		s += " (invalid: " + finding.Visible(v.Error) + ")"
	}
	return s
}

// MaxShown is the number of characters of a value shown whole; a longer
// one is cut (Cut).
const MaxShown = 200

// Cut is s cut to MaxShown characters: "abc… (N more characters)".
func Cut(s string) string {
	r := []rune(s)
	if len(r) <= MaxShown {
		return s
	}
	return fmt.Sprintf("%s… (%d more characters)", string(r[:MaxShown]), len(r)-MaxShown)
}

// Where is a value with where it comes from: "true (controller/etc/nova/
// nova.conf:12)", "60 (default of 2024.1)", "x (file:3, unregistered)",
// "<host_ipv4> (default of 2024.1, computed on the host)".
func Where(v *Value) string {
	if v == nil {
		return "(none)"
	}
	var from []string
	if v.Default != "" {
		from = append(from, "default of "+finding.Visible(v.Default))
	} else if v.File != "" {
		from = append(from, fmt.Sprintf("%s:%d", finding.Visible(v.File), v.Line))
	}
	if v.Host {
		from = append(from, "computed on the host")
	}
	if v.Unregistered {
		from = append(from, "unregistered")
	}
	if len(from) == 0 {
		return shown(v)
	}
	return fmt.Sprintf("%s (%s)", shown(v), strings.Join(from, ", "))
}

// writtenAt is " (OLD's place → NEW's place)" of two values ("" when
// neither has one): a file:line, or the release whose default it is.
func writtenAt(o, n *Value) string {
	po, pn := place(o), place(n)
	if po == "" && pn == "" {
		return ""
	}
	return fmt.Sprintf(" (%s → %s)", po, pn)
}

func place(v *Value) string {
	switch {
	case v.Default != "":
		return "default of " + finding.Visible(v.Default)
	case v.File != "":
		return fmt.Sprintf("%s:%d", finding.Visible(v.File), v.Line)
	}
	return ""
}

// Summary is the diff in one line: "2 options changed in 1 process, 1108
// defaults differing between releases, 1 node added, 1 finding
// introduced, 1 finding fixed", or "no change".
func Summary(d *Diff) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, what)
		}
	}
	procs := map[[2]string]bool{}
	options, defaults := 0, 0
	for _, c := range d.Options {
		if c.DefaultOnly {
			defaults++
			continue
		}
		options++
		procs[[2]string{c.Node, c.Process}] = true
	}
	add(options, fmt.Sprintf("%s changed in %s", count(options, "option"), count(len(procs), "process")))
	add(defaults, count(defaults, "default")+" differing between releases")
	added, removed := 0, 0
	for _, p := range d.Processes {
		if p.Kind == Added {
			added++
		} else {
			removed++
		}
	}
	add(added, count(added, "process")+" added")
	add(removed, count(removed, "process")+" removed")
	add(len(d.NodesAdded), count(len(d.NodesAdded), "node")+" added")
	add(len(d.NodesRemoved), count(len(d.NodesRemoved), "node")+" removed")
	add(len(d.NodesRenamed), count(len(d.NodesRenamed), "node")+" renamed")
	add(len(d.Introduced), count(len(d.Introduced), "finding")+" introduced")
	add(len(d.Fixed), count(len(d.Fixed), "finding")+" fixed")
	parts = append(parts, factSummary(d)...)
	add(len(d.Suppressed), count(len(d.Suppressed), "finding")+" suppressed by this change")
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, ", ")
}

// count is "1 node", "2 nodes", "3 processes".
func count(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "s") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
