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

// after: p sorts after c (by node, then process).
func after(p ProcessChange, c OptionChange) bool {
	return p.Node > c.Node || p.Node == c.Node && p.Process > c.Process
}

// Describe is an option's change in words, values shown with where they
// come from: "changed: false (file:3) → true (file:3)", "default →
// written, same value: 60", "added: x (file:9, unregistered)". A secret
// is only ever "changed (fp:… → fp:…)", "added (fp:…)" or "removed
// (fp:…)". Values are escaped by finding.Visible; an empty one is "".
func Describe(c *OptionChange) string {
	if c.Secret {
		switch c.Kind {
		case Added:
			return fmt.Sprintf("added (%s)", shown(c.New))
		case Removed:
			return fmt.Sprintf("removed (%s)", shown(c.Old))
		}
		return fmt.Sprintf("changed (%s → %s)", shown(c.Old), shown(c.New))
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
	s := finding.Visible(v.Value)
	if s == "" {
		s = `""`
	}
	if v.Error != "" {
		s += " (invalid: " + finding.Visible(v.Error) + ")"
	}
	return s
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

// Summary is the diff in one line: "2 options changed on 1 process, 1
// node added, 1 finding introduced, 1 fixed", or "no change".
func Summary(d *Diff) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, what)
		}
	}
	procs := map[[2]string]bool{}
	for _, c := range d.Options {
		procs[[2]string{c.Node, c.Process}] = true
	}
	add(len(d.Options), fmt.Sprintf("%s changed in %s", count(len(d.Options), "option"), count(len(procs), "process")))
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
