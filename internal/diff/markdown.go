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
	b := &mdBuilder{left: MaxMarkdown - mdReserve}
	fmt.Fprintf(b, "### stacklint diff %s → %s\n\n", Code(d.Old, false), Code(d.New, false))
	fmt.Fprintf(b, "**%s**\n", Summary(d))
	if d.Release != nil {
		fmt.Fprintf(b, "\n%s\n", Code(ReleaseLine(d.Release), false))
	}
	if l := ConfigLine(d.Config); l != "" {
		fmt.Fprintf(b, "\n%s\n", Code(l, false))
	}
	if len(d.NodesAdded)+len(d.NodesRemoved)+len(d.NodesRenamed) > 0 {
		b.WriteString("\n#### Nodes\n\n")
		for _, n := range d.NodesAdded {
			b.row(fmt.Sprintf("- added: %s\n", Code(n, false)))
		}
		for _, n := range d.NodesRemoved {
			b.row(fmt.Sprintf("- removed: %s\n", Code(n, false)))
		}
		for _, r := range d.NodesRenamed {
			b.row(fmt.Sprintf("- renamed: %s → %s (same host name %s)\n", Code(r.Old, false), Code(r.New, false), Code(r.Hostname, false)))
		}
	}
	for _, n := range d.Notes {
		b.row(fmt.Sprintf("\n> note: %s\n", Code(n, false)))
	}
	mdFindings(b, "Findings introduced", d.Introduced)
	mdFindings(b, "Findings fixed", d.Fixed)
	mdSuppressed(b, d)
	mdOptions(b, d)
	mdFacts(b, d)
	if b.omitted > 0 {
		fmt.Fprintf(b, "\n*%d rows and diffs left out to keep this comment under GitHub's 65,536 characters: run `stacklint diff --format json` for everything.*\n", b.omitted)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MaxMarkdown is the most characters the Markdown output holds (GitHub
// refuses a comment of 65,536 or more); rows and diffs past it are left
// out, counted in a closing note.
const MaxMarkdown = 65000

// mdReserve is what MaxMarkdown keeps for the headings, closers and
// closing note written after the budget runs out.
const mdReserve = 4000

// mdBuilder is the Markdown output with a budget (left, in bytes) for its
// rows and diffs; those past it are counted in omitted.
type mdBuilder struct {
	strings.Builder
	left, omitted int
}

// row writes s whole if the budget holds it, else counts it left out.
func (b *mdBuilder) row(s string) {
	if len(s) > b.left {
		b.left = 0
		b.omitted++
		return
	}
	b.left -= len(s)
	b.WriteString(s)
}

// mdFindings writes a table of findings.
func mdFindings(b *mdBuilder, title string, fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n#### %s (%d)\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n", title, len(fs))
	for _, f := range fs {
		b.row(fmt.Sprintf("| %s | %s | %s | %s |\n", Code(f.Severity, true), Code(f.Rule, true), Code(Position(finding.Primary(f)), true), Code(f.Message, true)))
	}
}

// mdOptions writes the process and option changes as a table in a
// <details> block, then the character diffs of long values.
func mdOptions(b *mdBuilder, d *Diff) {
	bs := blocks(d, false)
	if len(bs)+len(d.Defaults) == 0 {
		return
	}
	n := 0
	for _, bl := range bs {
		n += len(bl.rows) * len(bl.procs)
	}
	fmt.Fprintf(b, "\n<details><summary>Options (%d changes)</summary>\n\n| Node | Process | Option | Change |\n|---|---|---|---|\n", n)
	var long []*OptionChange
	for _, bl := range bs {
		procs := Code(procsName(bl.procs), true)
		for _, r := range bl.rows {
			if r.opt == nil {
				b.row(fmt.Sprintf("| %s | %s | | process %s |\n", Code(r.node, true), procs, r.kind))
				continue
			}
			c := r.opt
			change := Code(Describe(c), true)
			if len(c.Chars) > 0 {
				long = append(long, c)
				change = fmt.Sprintf("%s (diff %d below)", Code(kindWords(c), true), len(long))
			}
			b.row(fmt.Sprintf("| %s | %s | %s | %s |\n", Code(c.Node, true), procs, Code("["+c.Group+"] "+c.Option, true), change))
		}
	}
	for _, c := range d.Defaults {
		b.row(fmt.Sprintf("| %s | %s | | %s |\n", Code(c.Node, true), Code(c.Process, true), Code(DefaultsLine(c.Count, d.Release), true)))
	}
	for i, c := range long {
		o, n := windowed(c.Chars)
		b.row(fmt.Sprintf("\ndiff %d: %s %s %s\n\n", i+1, Code(c.Node, false), Code(c.Process, false), Code("["+c.Group+"] "+c.Option, false)) +
			Fence("diff", "- "+finding.Visible(o)+"\n+ "+finding.Visible(n)))
	}
	b.WriteString("\n</details>\n")
}

// windowed are the two sides of a character diff as Windows shows them.
func windowed(edits []Edit) (old, new string) {
	var o, n strings.Builder
	for _, e := range Windows(edits) {
		if e.Op != "insert" {
			o.WriteString(e.Text)
		}
		if e.Op != "delete" {
			n.WriteString(e.Text)
		}
	}
	return o.String(), n.String()
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
