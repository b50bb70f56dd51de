package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// Markdown writes d as a pull-request comment (GitHub-flavoured): a title
// and a summary line, the nodes added and removed, the findings
// introduced and fixed as tables, and the option changes as a table in a
// <details> block, long values as fenced diff blocks below it. Every text
// from the snapshots is in a code span or a fenced block (Code, Fence):
// a hostile value cannot add markup, links, mentions or HTML, nor break a
// table.
func Markdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	fmt.Fprintf(&b, "### stacklint diff %s → %s\n\n", Code(d.Old, false), Code(d.New, false))
	fmt.Fprintf(&b, "**%s**\n", Summary(d))
	if d.Release != nil {
		fmt.Fprintf(&b, "\n%s\n", Code(ReleaseLine(d.Release), false))
	}
	if l := ConfigLine(d.Config); l != "" {
		fmt.Fprintf(&b, "\n%s\n", Code(l, false))
	}
	if len(d.NodesAdded)+len(d.NodesRemoved) > 0 {
		b.WriteString("\n#### Nodes\n\n")
		for _, n := range d.NodesAdded {
			fmt.Fprintf(&b, "- added: %s\n", Code(n, false))
		}
		for _, n := range d.NodesRemoved {
			fmt.Fprintf(&b, "- removed: %s\n", Code(n, false))
		}
	}
	mdFindings(&b, "Findings introduced", d.Introduced)
	mdFindings(&b, "Findings fixed", d.Fixed)
	mdSuppressed(&b, d)
	mdOptions(&b, d)
	mdFacts(&b, d)
	_, err := io.WriteString(w, b.String())
	return err
}

// mdFindings writes a table of findings.
func mdFindings(b *strings.Builder, title string, fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n#### %s (%d)\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n", title, len(fs))
	for _, f := range fs {
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", Code(f.Severity, true), Code(f.Rule, true), Code(Position(finding.Primary(f)), true), Code(f.Message, true))
	}
}

// mdOptions writes the process and option changes as a table in a
// <details> block, then the character diffs of long values.
func mdOptions(b *strings.Builder, d *Diff) {
	rows := mergeRows(d)
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(b, "\n<details><summary>Options (%d changes)</summary>\n\n| Node | Process | Option | Change |\n|---|---|---|---|\n", len(rows))
	var long []*OptionChange
	for _, r := range rows {
		if r.opt == nil {
			fmt.Fprintf(b, "| %s | %s | | process %s |\n", Code(r.node, true), Code(r.process, true), r.kind)
			continue
		}
		c := r.opt
		change := Code(Describe(c), true)
		if len(c.Chars) > 0 {
			long = append(long, c)
			change = fmt.Sprintf("%s (diff %d below)", Code(kindWords(c), true), len(long))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", Code(c.Node, true), Code(c.Process, true), Code("["+c.Group+"] "+c.Option, true), change)
	}
	for i, c := range long {
		fmt.Fprintf(b, "\ndiff %d: %s %s %s\n\n", i+1, Code(c.Node, false), Code(c.Process, false), Code("["+c.Group+"] "+c.Option, false))
		b.WriteString(Fence("diff", "- "+finding.Visible(c.Old.Value)+"\n+ "+finding.Visible(c.New.Value)))
	}
	b.WriteString("\n</details>\n")
}

// kindWords is an option change's kind in words, without the values.
func kindWords(c *OptionChange) string {
	switch c.Kind {
	case DefaultToWritten:
		return "default → written"
	case WrittenToDefault:
		return "written → default"
	}
	return c.Kind
}

// Code is s as a Markdown code span, escaped by finding.Visible (no line
// end can end a table row), with a fence of backticks longer than any
// run in s; in a table (cell) a | is written \| (GitHub reads it as part
// of the span). An empty s is *(empty)*.
func Code(s string, cell bool) string {
	s = finding.Visible(s)
	if s == "" {
		return "*(empty)*"
	}
	if cell {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// Fence is text as a fenced code block of info string lang, the fence
// longer than any run of backticks in text.
func Fence(lang, text string) string {
	fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	return fence + lang + "\n" + text + "\n" + fence + "\n"
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != c {
			run = 0
			continue
		}
		run++
		best = max(best, run)
	}
	return best
}
