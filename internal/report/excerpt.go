package report

import (
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/policyfile"
)

// excerptLine is one line of a source excerpt as stacklint read it: the
// parsed structure written back (section headers, options, rc variables,
// host-file directives, policies, /etc/hosts entries), never the raw
// bytes, with every value rendered as inspect renders it (secrets as
// fingerprints) and then redacted and sanitised as messages are.
type excerptLine struct {
	No   int
	Kind string // header, option, continued, comment, entry; "" when nothing was read there
	Key  string // option, variable, directive or policy name
	Sep  string // what stands between Key and Text (" = ", "=", ": ", " ")
	Text string
	At   bool // the line the location points at
}

// excerptContext is how many lines an excerpt shows above and below the
// located line.
const excerptContext = 2

// excerpts builds source excerpts from the parsed files of one run. The
// raw bytes are gone once the model is built (Snapshot.Forget); what a
// parser kept is all an excerpt shows: comments are "# …", and lines no
// parser read are empty.
type excerpts struct {
	files map[string]*model.Loaded
	keys  *secret.Keyring
	index map[string]map[int]excerptLine // per path, built on first use
	last  map[string]int                 // per path, the last line read
}

// newExcerpts indexes d's files by path; d may be nil (no excerpts).
func newExcerpts(d *model.Deployment) *excerpts {
	e := &excerpts{files: map[string]*model.Loaded{}, index: map[string]map[int]excerptLine{}, last: map[string]int{}}
	if d == nil {
		return e
	}
	e.keys = d.Keys
	for _, f := range d.Files {
		e.files[f.Path] = f
	}
	return e
}

// around returns the lines within excerptContext of line in path, the
// located one marked; nil when the file is unknown, could not be parsed,
// is of a kind excerpts do not cover, or nothing was read near the line.
func (e *excerpts) around(path string, line, context int) []excerptLine {
	if line <= 0 {
		return nil
	}
	idx := e.lines(path)
	if idx == nil {
		return nil
	}
	lo, hi := max(1, line-context), min(line+context, max(e.last[path], line))
	out := make([]excerptLine, 0, hi-lo+1)
	read := false
	for n := lo; n <= hi; n++ {
		l, ok := idx[n]
		read = read || ok
		l.No, l.At = n, n == line
		out = append(out, l)
	}
	if !read {
		return nil
	}
	return out
}

// lines returns the index of path's lines, building it once.
func (e *excerpts) lines(path string) map[int]excerptLine {
	if idx, ok := e.index[path]; ok {
		return idx
	}
	var idx map[int]excerptLine
	if f := e.files[path]; f != nil && f.Err == nil && e.keys != nil {
		idx = e.read(f)
	}
	e.index[path] = idx
	for n := range idx {
		e.last[path] = max(e.last[path], n)
	}
	return idx
}

// read writes back what the parser of f's kind kept, line by line.
func (e *excerpts) read(f *model.Loaded) map[int]excerptLine {
	idx := map[int]excerptLine{}
	put := func(n int, l excerptLine) {
		if n > 0 {
			l.Key, l.Text = e.shown(l.Key), e.shown(l.Text)
			idx[n] = l
		}
	}
	switch {
	case f.INI != nil:
		e.readINI(f, put)
	case f.RC != nil:
		for _, v := range f.RC.Vars {
			name := v.Name
			if v.Exported {
				name = "export " + name
			}
			put(v.Line, excerptLine{Kind: "entry", Key: name, Sep: "=", Text: model.RenderRC(e.keys, v)})
		}
		for _, u := range f.RC.Unset {
			put(u.Line, excerptLine{Kind: "entry", Key: "unset", Sep: " ", Text: u.Name})
		}
	case f.Directives != nil:
		for _, d := range f.Directives {
			put(d.Line, excerptLine{Kind: "entry", Key: model.DirectiveName(d.Name, e.keys), Sep: " ", Text: strings.Join(model.DirectiveArgs(d, e.keys), " ")})
		}
	case f.Policy != nil:
		for _, r := range f.Policy.Rules {
			expr := "…"
			if r.Kind == policyfile.KindString {
				expr = strconv.Quote(r.Expr)
			}
			if r.ExprLine > r.Line {
				put(r.Line, excerptLine{Kind: "entry", Key: strconv.Quote(r.Name), Sep: ":"})
				put(r.ExprLine, excerptLine{Kind: "continued", Text: expr})
				continue
			}
			put(r.Line, excerptLine{Kind: "entry", Key: strconv.Quote(r.Name), Sep: ": ", Text: expr})
		}
	case f.Hosts != nil:
		for _, h := range f.Hosts {
			put(h.Line, excerptLine{Kind: "entry", Key: h.Addr, Sep: " ", Text: strings.Join(h.Names, " ")})
		}
	default:
		return nil
	}
	return idx
}

// readINI writes back an oslo.config file: headers as written, comments
// as "# …" (their text may hold anything, and no service reads it), and
// every occurrence as "key = value" with the value rendered as inspect
// renders it, continuation lines below it.
func (e *excerpts) readINI(f *model.Loaded, put func(int, excerptLine)) {
	for _, h := range f.INI.Headers {
		put(h.Line, excerptLine{Kind: "header", Text: "[" + h.Name + "]"})
	}
	for _, c := range f.INI.Comments {
		put(c.Line, excerptLine{Kind: "comment", Text: "# …"})
	}
	for _, s := range f.INI.Sections {
		for _, k := range s.Keys {
			for _, v := range k.Values {
				parts := strings.Split(model.RenderWritten(e.keys, f.Kind, f.INI, s.Name, k.Name, v.Text), "\n")
				put(v.Line, excerptLine{Kind: "option", Key: k.Name, Sep: " = ", Text: parts[0]})
				for n := v.Line + 1; n <= v.EndLine; n++ {
					text := "…" // a value rendered whole as one label
					if len(parts) == v.EndLine-v.Line+1 {
						text = parts[n-v.Line]
					}
					put(n, excerptLine{Kind: "continued", Text: text})
				}
			}
		}
	}
}

// shown is text from the snapshot made fit to print, as messages are
// (lint.Run): known secrets redacted as a second line of defence, then
// control characters escaped and long runs shortened.
func (e *excerpts) shown(s string) string {
	if s == "" {
		return ""
	}
	return finding.Sanitize(e.keys.Redact(s))
}
