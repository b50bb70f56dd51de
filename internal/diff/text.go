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
	// AllDefaults lists every change between two releases' defaults
	// instead of a count per process.
	AllDefaults bool
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
	t := textWriter{color: o.Color, all: o.AllDefaults}
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
	for _, r := range d.NodesRenamed {
		fmt.Fprintf(&t.b, "%s\n", RenameLine(r))
	}
	t.options(d)
	t.facts(d)
	t.findings("findings introduced", d.Introduced)
	t.findings("findings fixed", d.Fixed)
	t.suppressed(d)
	fmt.Fprintf(&t.b, "\n%s\n", Summary(d))
	for _, n := range d.Notes {
		fmt.Fprintf(&t.b, "note: %s\n", finding.Visible(n))
	}
	_, err := io.WriteString(w, t.b.String())
	return err
}

type textWriter struct {
	b          strings.Builder
	color, all bool
}

func (t *textWriter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + reset
}

// options writes the processes and options that change, grouped by node
// and process (processes of a node with the same changes as one), the
// changes between two defaults only as a count per process unless
// AllDefaults.
func (t *textWriter) options(d *Diff) {
	node := ""
	for _, b := range blocks(d, t.all) {
		if b.node != node {
			fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, finding.Visible(b.node)))
			node = b.node
		}
		fmt.Fprintf(&t.b, "  %s\n", finding.Visible(procsName(b.procs)))
		for _, r := range b.rows {
			if r.opt == nil {
				fmt.Fprintf(&t.b, "    %s\n", t.paint(kindColor(r.kind), "process "+r.kind))
				continue
			}
			t.option(r.opt)
		}
	}
	if len(d.Defaults) == 0 || t.all {
		return
	}
	fmt.Fprintf(&t.b, "\n%s\n", t.paint(bold, "defaults only (--all-defaults lists them)"))
	for _, c := range d.Defaults {
		fmt.Fprintf(&t.b, "  %s %s: %s\n", finding.Visible(c.Node), finding.Visible(c.Process), DefaultsLine(c.Count, d.Release))
	}
}

// DefaultsLine is "312 defaults differ between stein and ussuri".
func DefaultsLine(n int, r *ReleaseChange) string {
	verb := "differ"
	if n == 1 {
		verb = "differs"
	}
	return fmt.Sprintf("%s %s between %s and %s", count(n, "default"), verb, finding.Visible(r.Old), finding.Visible(r.New))
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

// chars is a character diff inline, [-deleted-]{+inserted+}, with
// unchanged text only around the edits (Windows).
func (t *textWriter) chars(edits []Edit) string {
	var b strings.Builder
	for _, e := range Windows(edits) {
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

// RenameLine says that a node's folder is renamed: "node compute1
// renamed to cmp-node1 (same host name cmp-node1.example.org)".
func RenameLine(r NodeRename) string {
	return fmt.Sprintf("node %s renamed to %s (same host name %s)", finding.Visible(r.Old), finding.Visible(r.New), finding.Visible(r.Hostname))
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
