// Package shellrc reads admin-openrc-style shell files without executing
// them: it walks the bash AST (mvdan.cc/sh/v3/syntax) and records what the
// file would put in the environment.
package shellrc

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// Var is the final state of one variable after the file ran.
type Var struct {
	Name     string
	Value    string // value with quotes removed and known $VARs expanded
	Line     int    // line of the assignment that set Value
	Column   int    // 1-based, in bytes (as mvdan.cc/sh counts)
	Exported bool   // export X=..., X=...; export X, or set -a in force
	Dynamic  bool   // the value depends on run-time state ($(...), unknown $X)
	// Refs locate the text of Value that came from expanding other
	// variables ($A, ${A}), the variables those expanded included.
	Refs []Ref
}

// Ref is the byte range [Start, End) of a value that holds the expansion
// of variable Name.
type Ref struct {
	Name       string
	Start, End int
}

// File is the result of reading one rc file.
type File struct {
	Vars  []*Var // in order of first assignment; unset variables removed
	Unset []Unset
}

// Unset records an `unset NAME`.
type Unset struct {
	Name string
	Line int
}

// Error is a shell syntax error with its position.
type Error struct {
	Line, Column int
	Msg          string
}

func (e *Error) Error() string { return e.Msg }

// Parse reads a shell file. A syntax error is returned as *Error.
func Parse(data []byte) (*File, error) { return ParseEnv(data, nil) }

// ParseEnv is Parse with variables set before the file runs (an init
// script's DAEMON_ARGS before it sources /etc/default/<name>): $NAME
// expands to env's value; File.Vars lists only what the file assigns.
func ParseEnv(data []byte, env map[string]string) (*File, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(data), "")
	at := lineStarts(data)
	if err != nil {
		var pe syntax.ParseError
		if errors.As(err, &pe) {
			line, col := at.pos(pe.Pos)
			return nil, &Error{Line: line, Column: col, Msg: excerpt(pe.Text)}
		}
		var le syntax.LangError
		if errors.As(err, &le) {
			line, col := at.pos(le.Pos)
			return nil, &Error{Line: line, Column: col, Msg: excerpt(le.Error())}
		}
		return nil, &Error{Line: 1, Column: 1, Msg: excerpt(err.Error())}
	}
	s := &state{vars: map[string]*Var{}, at: at}
	for name, v := range env {
		s.vars[name] = &Var{Name: name, Value: v}
	}
	syntax.Walk(f, s.visit)
	out := &File{Unset: s.unsets}
	for _, name := range s.order {
		if v, ok := s.vars[name]; ok && v.Line > 0 {
			out.Vars = append(out.Vars, v)
		}
	}
	return out, nil
}

// maxMessage bounds an error message: mvdan quotes tokens of the file
// (a here-document's delimiter, a word) in full.
const maxMessage = 160

// excerpt cuts msg to maxMessage bytes at a character boundary.
func excerpt(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(msg[cut]) {
		cut--
	}
	return msg[:cut] + "…"
}

// lines holds the byte offset of every line's start. Positions are taken
// from a Pos's offset: its line and column read 0 past line 262,143 or
// column 16,383 (mvdan packs them into 32 bits).
type lines []int

func lineStarts(data []byte) lines {
	starts := lines{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos returns the 1-based line and byte column of p.
func (l lines) pos(p syntax.Pos) (line, col int) {
	off := int(p.Offset())
	line = sort.SearchInts(l, off+1)
	return line, off - l[line-1] + 1
}

// Get returns the variable with the given name, or nil.
func (f *File) Get(name string) *Var {
	for _, v := range f.Vars {
		if v.Name == name {
			return v
		}
	}
	return nil
}

type state struct {
	at     lines
	vars   map[string]*Var
	order  []string
	unsets []Unset
	allexp bool
	// expanded counts the bytes references expanded to (MaxExpansion)
	expanded int
}

func (s *state) visit(n syntax.Node) bool {
	switch n := n.(type) {
	case *syntax.DeclClause:
		s.decl(n)
		return false
	case *syntax.CallExpr:
		s.call(n)
		return false
	}
	return true
}

func (s *state) decl(d *syntax.DeclClause) {
	export := d.Variant.Value == "export"
	for _, a := range d.Args {
		if a.Name == nil {
			continue
		}
		if a.Naked {
			if v, ok := s.vars[a.Name.Value]; ok && export {
				v.Exported = true
			}
			continue
		}
		s.assign(a, export)
	}
}

func (s *state) call(c *syntax.CallExpr) {
	if len(c.Args) == 0 {
		for _, a := range c.Assigns {
			s.assign(a, false)
		}
		return
	}
	switch c.Args[0].Lit() {
	case "unset":
		for _, w := range c.Args[1:] {
			if name := w.Lit(); name != "" && !strings.HasPrefix(name, "-") {
				delete(s.vars, name)
				line, _ := s.at.pos(w.Pos())
				s.unsets = append(s.unsets, Unset{Name: name, Line: line})
			}
		}
	case "set":
		for _, w := range c.Args[1:] {
			switch w.Lit() {
			case "-a", "-o allexport":
				s.allexp = true
			case "+a":
				s.allexp = false
			}
		}
	}
}

func (s *state) assign(a *syntax.Assign, export bool) {
	name := a.Name.Value
	if !isName(name) { // mvdan reads "0=[" as an assignment; bash runs it as a command
		return
	}
	var val value
	if a.Value != nil {
		val = s.word(a.Value)
	} else if a.Array != nil {
		val.dynamic = true
	}
	old, seen := s.vars[name]
	if a.Append && seen {
		val = value{text: old.Value, dynamic: val.dynamic, refs: old.Refs}.join(val)
	}
	line, col := s.at.pos(a.Pos())
	v := &Var{Name: name, Value: val.text, Line: line, Column: col,
		Exported: export || s.allexp || (seen && old.Exported), Dynamic: val.dynamic, Refs: val.refs}
	if !seen || old.Line == 0 { // first assignment by the file (Line 0: set by ParseEnv's env)
		s.order = append(s.order, name)
	}
	s.vars[name] = v
}

// isName reports whether s is a shell variable name: a letter or '_',
// then letters, digits and '_'.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// value is a word evaluated statically: its text, whether it cannot be
// known without running the shell, and where variables were expanded.
type value struct {
	text    string
	dynamic bool
	refs    []Ref
}

// MaxValue bounds the value of one variable in bytes: a chain of
// variables each expanding the previous one several times grows
// exponentially (A1="$A$A$A", A2="$A1$A1$A1", ...); a value cut at the
// bound is marked dynamic, as its text is not what the shell would have.
const MaxValue = 1 << 20

// join appends b to a, moving b's references to their new place.
func (a value) join(b value) value {
	out := value{text: a.text + b.text, dynamic: a.dynamic || b.dynamic}
	if len(a.text)+len(b.text) > MaxValue {
		out.text = (a.text + b.text[:min(len(b.text), max(MaxValue-len(a.text), 0))])[:MaxValue]
		out.dynamic = true
	}
	if len(a.refs)+len(b.refs) > 0 {
		out.refs = append([]Ref{}, a.refs...)
	}
	for _, r := range b.refs {
		r = Ref{Name: r.Name, Start: r.Start + len(a.text), End: r.End + len(a.text)}
		if r.Start < len(out.text) {
			r.End = min(r.End, len(out.text))
			out.refs = append(out.refs, r)
		}
	}
	if len(out.refs) > maxRefs {
		out.refs = coalesce(out.refs)
	}
	return out
}

// maxRefs bounds the references kept for one value; beyond it they are
// coalesced per variable (one range from its first to its last
// expansion), which covers more text than the expansions, never less.
const maxRefs = 1024

func coalesce(refs []Ref) []Ref {
	at := map[string]int{}
	var out []Ref
	for _, r := range refs {
		i, ok := at[r.Name]
		if !ok {
			at[r.Name] = len(out)
			out = append(out, r)
			continue
		}
		out[i].Start, out[i].End = min(out[i].Start, r.Start), max(out[i].End, r.End)
	}
	return out
}

// word evaluates a word statically.
func (s *state) word(w *syntax.Word) value {
	var out builder
	for _, p := range w.Parts {
		out.add(s.part(p, false))
	}
	return out.value()
}

// builder joins the parts of a word in one pass (join, part by part,
// copied the text so far at every part: quadratic in a word of many
// "$A"), with join's bounds: MaxValue bytes, then dynamic.
type builder struct {
	b       strings.Builder
	dynamic bool
	refs    []Ref
	limit   int // coalesce the references past this many
}

func (x *builder) add(v value) {
	start := x.b.Len()
	text := v.text
	if len(text) > MaxValue-start {
		text, x.dynamic = text[:MaxValue-start], true
	}
	x.b.WriteString(text)
	x.dynamic = x.dynamic || v.dynamic
	for _, r := range v.refs {
		r = Ref{Name: r.Name, Start: r.Start + start, End: r.End + start}
		if r.Start < x.b.Len() {
			r.End = min(r.End, x.b.Len())
			x.refs = append(x.refs, r)
		}
	}
	if len(x.refs) > max(x.limit, maxRefs) {
		x.refs = coalesce(x.refs)
		x.limit = 2 * len(x.refs)
	}
}

func (x *builder) value() value {
	return value{text: x.b.String(), dynamic: x.dynamic, refs: x.refs}
}

// MaxExpansion bounds the bytes one file's variable references expand to
// in all (C1="$B", C2="$B", ... with a 1 MiB $B: 24 KB of file made 2 GB
// of values); past it a reference is unknown (dynamic), as when the shell
// would have to run.
const MaxExpansion = 32 << 20

func (s *state) part(p syntax.WordPart, quoted bool) value {
	switch p := p.(type) {
	case *syntax.Lit:
		return value{text: unescape(p.Value, quoted)}
	case *syntax.SglQuoted:
		return value{text: p.Value, dynamic: p.Dollar}
	case *syntax.DblQuoted:
		var out builder
		for _, q := range p.Parts {
			out.add(s.part(q, true))
		}
		return out.value()
	case *syntax.ParamExp:
		if p.Short || p.Exp == nil && p.Repl == nil && p.Slice == nil && p.Index == nil && !p.Length && p.Param != nil {
			if v, ok := s.vars[p.Param.Value]; ok {
				if s.expanded += len(v.Value); s.expanded > MaxExpansion {
					return value{dynamic: true}
				}
				refs := append([]Ref{{Name: v.Name, Start: 0, End: len(v.Value)}}, v.Refs...)
				return value{text: v.Value, dynamic: v.Dynamic, refs: refs}
			}
		}
		return value{dynamic: true}
	}
	return value{dynamic: true}
}

// unescape removes shell backslash escapes from a literal.
func unescape(lit string, quoted bool) string {
	if !strings.Contains(lit, `\`) {
		return lit
	}
	var b strings.Builder
	for i := 0; i < len(lit); i++ {
		c := lit[i]
		if c == '\\' && i+1 < len(lit) {
			n := lit[i+1]
			if !quoted || strings.IndexByte("$`\"\\\n", n) >= 0 {
				i++
				if n != '\n' {
					b.WriteByte(n)
				}
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
