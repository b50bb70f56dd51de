package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// TextOptions adjust the text rendering.
type TextOptions struct {
	// Color paints kinds and character edits with ANSI colours (a
	// terminal only).
	Color bool
}

const (
	bold   = "\x1b[1m"
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	reset  = "\x1b[0m"
)

// Text writes d for a terminal: the sides, the nodes added and removed,
// then node by node and process by process every option that changes
// ("[group] option: kind: OLD → NEW", each value with where it comes
// from), long values as an inline character diff ([-deleted-]{+inserted+}),
// the findings introduced and fixed, and a summary line. Every text from
// the snapshots goes through finding.Visible (no control character but
// the output's own line ends).
func Text(w io.Writer, d *Diff, o TextOptions) error {
	t := textWriter{color: o.Color}
	fmt.Fprintf(&t.b, "%s\n", t.paint(bold, fmt.Sprintf("stacklint diff %s → %s", finding.Visible(d.Old), finding.Visible(d.New))))
	if d.Release != nil {
		fmt.Fprintf(&t.b, "%s\n", ReleaseLine(d.Release))
	}
	if l := ConfigLine(d.Config); l != "" {
		fmt.Fprintf(&t.b, "%s\n", l)
	}
	for _, n := range d.NodesAdded {
		fmt.Fprintf(&t.b, "node %s added\n", finding.Visible(n))
	}
	for _, n := range d.NodesRemoved {
		fmt.Fprintf(&t.b, "node %s removed\n", finding.Visible(n))
	}
	t.options(d)
	t.facts(d)
	t.findings("findings introduced", d.Introduced)
	t.findings("findings fixed", d.Fixed)
	t.suppressed(d)
	fmt.Fprintf(&t.b, "\n%s\n", Summary(d))
	_, err := io.WriteString(w, t.b.String())
	return err
}

type textWriter struct {
	b     strings.Builder
	color bool
}

func (t *textWriter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + reset
}

// options writes the processes and options that change, grouped by node
// and process.
func (t *textWriter) options(d *Diff) {
	node, proc := "", ""
	head := func(n, p string) {
		if n != node {
			fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, finding.Visible(n)))
			node, proc = n, ""
		}
		if p != proc {
			fmt.Fprintf(&t.b, "  %s\n", finding.Visible(p))
			proc = p
		}
	}
	for _, r := range mergeRows(d) {
		head(r.node, r.process)
		if r.opt == nil {
			fmt.Fprintf(&t.b, "    %s\n", t.paint(kindColor(r.kind), "process "+r.kind))
			continue
		}
		t.option(r.opt)
	}
}

// option writes one option's change, and its character diff when it has
// one.
func (t *textWriter) option(c *OptionChange) {
	name := fmt.Sprintf("[%s] %s", finding.Visible(c.Group), finding.Visible(c.Option))
	fmt.Fprintf(&t.b, "    %s: %s\n", name, t.paint(kindColor(c.Kind), Describe(c)))
	if len(c.Chars) > 0 {
		fmt.Fprintf(&t.b, "      %s\n", t.chars(c.Chars))
	}
}

// chars is a character diff inline: [-deleted-]{+inserted+}.
func (t *textWriter) chars(edits []Edit) string {
	var b strings.Builder
	for _, e := range edits {
		text := finding.Visible(e.Text)
		switch e.Op {
		case "delete":
			b.WriteString(t.paint(red, "[-"+text+"-]"))
		case "insert":
			b.WriteString(t.paint(green, "{+"+text+"+}"))
		default:
			b.WriteString(text)
		}
	}
	return b.String()
}

func kindColor(kind string) string {
	switch kind {
	case Added:
		return green
	case Removed:
		return red
	}
	return yellow
}

// findings writes a list of findings as lint's text does: location,
// severity, rule, message.
func (t *textWriter) findings(title string, fs []finding.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, fmt.Sprintf("%s (%d)", title, len(fs))))
	for _, f := range fs {
		fmt.Fprintf(&t.b, "  %s  %-7s  %s  %s\n", Position(finding.Primary(f)), f.Severity, f.Rule, finding.Visible(f.Message))
	}
}

// Position is a finding's location as path:line:col (path alone without
// a line; "(snapshot)" without a path), escaped by finding.Visible.
func Position(l finding.Location) string {
	switch {
	case l.Path == "":
		return "(snapshot)"
	case l.Line == 0:
		return finding.Visible(l.Path)
	}
	return fmt.Sprintf("%s:%d:%d", finding.Visible(l.Path), l.Line, max(l.Column, 1))
}

// ReleaseLine says that the sides are checked against different
// releases: "release stein → 2023.1: defaults are compared across
// releases".
func ReleaseLine(r *ReleaseChange) string {
	name := func(s string) string {
		if s == "" {
			return "(none detected)"
		}
		return finding.Visible(s)
	}
	return fmt.Sprintf("release %s → %s: defaults are compared across releases", name(r.Old), name(r.New))
}
