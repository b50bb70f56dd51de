package diff

import (
	"fmt"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// factSection is one section of changes outside options as the renderers
// show it: its title, the column naming its scope, and its changes.
type factSection struct {
	title, scope, name string
	changes            []FactChange
}

// factSections are the diff's sections outside options, in output order.
func factSections(d *Diff) []factSection {
	return []factSection{
		{"policy rules", "service", "policy", d.Policies},
		{"rc files", "rc file", "variable", d.RC},
		{"files loaded", "process", "file", d.Loads},
		{"keys", "file", "key", d.Secrets},
	}
}

// factSummary are the summary's parts for the changes outside options:
// "1 policy rule changed", "2 rc variables changed", "1 process loads
// other files", "1 key changed".
func factSummary(d *Diff) []string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, what)
		}
	}
	add(len(d.Policies), count(len(d.Policies), "policy rule")+" changed")
	add(len(d.RC), count(len(d.RC), "rc variable")+" changed")
	procs := map[[2]string]bool{}
	for _, c := range d.Loads {
		procs[[2]string{c.Node, c.Scope}] = true
	}
	add(len(procs), count(len(procs), "process")+" loading other files")
	add(len(d.Secrets), count(len(d.Secrets), "key")+" changed")
	return parts
}

// DescribeFact is a change outside options in words: a file loaded
// "loads" or "no longer loads"; else as Describe ("changed: OLD (file:3)
// → NEW (file:3)", a secret "changed (fp:… → fp:…)"), then the note.
func DescribeFact(c *FactChange) string {
	if c.Old == nil && c.New == nil {
		if c.Kind == Added {
			return "loads"
		}
		return "no longer loads"
	}
	s := Describe(&OptionChange{Kind: c.Kind, Old: c.Old, New: c.New, Secret: c.Secret, ValueChanged: true})
	if c.Note != "" {
		s += " (" + finding.Visible(c.Note) + ")"
	}
	return s
}

// factName is where a change is: "node service policy" parts joined.
func factName(c *FactChange) string {
	parts := []string{}
	for _, p := range []string{c.Node, c.Scope, c.Name} {
		if p != "" {
			parts = append(parts, finding.Visible(p))
		}
	}
	return strings.Join(parts, "  ")
}

// facts writes the sections outside options: a title and one line per
// change, "node  scope  name: change".
func (t *textWriter) facts(d *Diff) {
	for _, s := range factSections(d) {
		if len(s.changes) == 0 {
			continue
		}
		fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, fmt.Sprintf("%s (%d)", s.title, len(s.changes))))
		for i := range s.changes {
			c := &s.changes[i]
			fmt.Fprintf(&t.b, "  %s: %s\n", factName(c), t.paint(kindColor(c.Kind), DescribeFact(c)))
		}
	}
}

// mdFacts writes each section outside options as a table.
func mdFacts(b *mdBuilder, d *Diff) {
	for _, s := range factSections(d) {
		if len(s.changes) == 0 {
			continue
		}
		title := strings.ToUpper(s.title[:1]) + s.title[1:]
		fmt.Fprintf(b, "\n#### %s (%d)\n\n| Node | %s | %s | Change |\n|---|---|---|---|\n", title, len(s.changes),
			strings.ToUpper(s.scope[:1])+s.scope[1:], strings.ToUpper(s.name[:1])+s.name[1:])
		for i := range s.changes {
			c := &s.changes[i]
			b.row(fmt.Sprintf("| %s | %s | %s | %s |\n", Code(c.Node, true), Code(c.Scope, true), Code(c.Name, true), Code(DescribeFact(c), true)))
		}
	}
}
