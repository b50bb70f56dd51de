package directive

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// HTTPDVersion is the Apache httpd version <IfVersion> sections are
// evaluated against: 2.4 is the only series every supported distribution
// ships (RHEL 8/9 2.4.37/2.4.57, Debian 12 2.4.62, Ubuntu 22.04 2.4.52);
// a patch-level test (<IfVersion >= 2.4.60>) is taken as true.
const HTTPDVersion = "2.4"

// httpd reads Apache's configuration as server/util.c and server/config.c
// do (ap_cfg_getline, ap_build_config, ap_getword_conf): a line whose
// last character before its newline (and a carriage return) is a
// backslash continues on the next, that backslash dropped and the next
// line appended as written; arguments are words, or quoted strings, in
// which a backslash keeps a following backslash or quote (outside quotes,
// a following backslash); directive and section names are matched without
// regard to case (written in their documented case here when known);
// sections nest, read up to MaxSectionDepth.
type httpd struct {
	out   []Directive
	stack []section // open sections, outermost first
	// texts are the stack's section texts; directives share slices of it
	// ([:n:n]) up to frozen, which a push below copies before writing.
	texts  []string
	frozen int
	cont   *pending // a line continued with a backslash
	hidden Hidden
	deep   int // line of the open section past MaxSectionDepth, 0 if none
}

// Hidden is what an httpd file holds that stacklint leaves out: Directives
// directives (nested tags included) in sections nested more than
// MaxSectionDepth levels deep, the first of them on Line. The zero value:
// nothing left out.
type Hidden struct {
	Line, Directives int
}

// Add counts o's directives in h too, from the earlier first line.
func (h *Hidden) Add(o Hidden) {
	if o.Directives == 0 {
		return
	}
	if h.Directives == 0 || o.Line < h.Line {
		h.Line = o.Line
	}
	h.Directives += o.Directives
}

// MaxSectionDepth is how deeply sections nest before stacklint stops
// reading what they hold. Apache sets no limit (ap_build_config builds the
// tree in a loop), but real configurations nest a handful of levels
// (VirtualHost, IfModule, Directory, IfVersion, RequireAll) and every
// directive lists the sections around it (Blocks), so a file of a million
// nested sections would hold a million squared of them. The directives
// inside a deeper section are left out and counted (Hidden, which the
// model reports as a part of the snapshot not checked, with its line);
// its closing tag still counts, and the rest of the file is read.
const MaxSectionDepth = 16

// section is an open <Name args> tag.
type section struct {
	text string // "VirtualHost *:5000", arguments unquoted
	cond bool   // a conditional section: it scopes nothing
	off  bool   // a conditional known false on HTTPDVersion (itself or enclosing)
}

// pending is a continued line: its first line and its text so far,
// built once however many lines continue it.
type pending struct {
	line int
	text strings.Builder
}

// parseHTTPD reads an Apache httpd configuration file (Tags).
func parseHTTPD(data []byte) []Directive {
	ds, _ := ParseHTTPD(data)
	return ds
}

// ParseHTTPD reads an Apache httpd configuration file: its directives (as
// Parse with Tags) and what sections nested too deep hide.
func ParseHTTPD(data []byte) ([]Directive, Hidden) {
	h := &httpd{}
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		var nl bool
		raw, data, nl = bytes.Cut(data, []byte("\n"))
		h.line(n, string(raw), nl)
	}
	h.flush()
	return h.out, h.hidden
}

// line reads one line of the file; nl is false for a last line without
// a newline, which Apache never continues.
func (h *httpd) line(n int, raw string, nl bool) {
	text, continued := raw, false
	if nl {
		text, continued = strings.CutSuffix(strings.TrimSuffix(raw, "\r"), "\\")
		if !continued {
			text = raw
		}
	}
	if c := h.cont; c != nil {
		c.text.WriteString(text)
		if continued {
			return
		}
		n, text = c.line, c.text.String()
		h.cont = nil
	} else if continued {
		h.cont = &pending{line: n}
		h.cont.text.WriteString(text)
		return
	}
	h.logical(n, text)
}

// logical reads a whole line as cfg_trim_line and ap_build_config_sub do:
// white space around it dropped, blank lines and comments skipped.
func (h *httpd) logical(n int, text string) {
	line := strings.Trim(text, spaces)
	if line == "" || line[0] == '#' {
		return
	}
	h.directive(n, line)
}

// flush ends a file whose last line is continued.
func (h *httpd) flush() {
	if c := h.cont; c != nil {
		h.cont = nil
		h.logical(c.line, c.text.String())
	}
}

func (h *httpd) directive(n int, line string) {
	if strings.HasPrefix(line, "</") {
		h.pop()
		return
	}
	if len(h.stack) > MaxSectionDepth {
		h.hide()
		if _, ok := openTag(line); ok {
			h.stack = append(h.stack, section{}) // counted, so that its closing tag matches
		}
		return // too deep: left out
	}
	if inner, ok := openTag(line); ok {
		words := confWords(inner)
		if words[0] == "" {
			return // a nameless section ("<\"\">"): Apache refuses it, nothing opens
		}
		name := canonical(strings.TrimPrefix(words[0], "<"))
		d := h.place(Directive{Line: n, Name: "<" + name, Args: words[1:]})
		h.out = append(h.out, d)
		s := section{text: strings.Join(append([]string{name}, words[1:]...), " "), cond: conditional(name)}
		s.off = d.Off || (name == "IfVersion" && !versionHolds(words[1:]))
		h.push(s)
		if len(h.stack) > MaxSectionDepth {
			h.deep = n
		}
		return
	}
	words := confWords(line)
	if words[0] == "" {
		return // a nameless line ("\"  "): no directive
	}
	h.out = append(h.out, h.place(Directive{Line: n, Name: canonical(words[0]), Args: words[1:]}))
}

// place sets where a directive sits: Blocks every enclosing section,
// Block the innermost that scopes (conditionals such as <IfModule> and
// <IfVersion> do not: a directive in them belongs to the section around
// them), Off when a conditional around it is false.
func (h *httpd) place(d Directive) Directive {
	if len(h.stack) == 0 {
		return d
	}
	for _, s := range h.stack {
		if !s.cond {
			d.Block = s.text
		}
	}
	d.Off = h.stack[len(h.stack)-1].off // off includes the enclosing sections'
	n := len(h.texts)
	h.frozen = max(h.frozen, n)
	d.Blocks = h.texts[:n:n]
	return d
}

// push opens a section. The texts handed out as Blocks are never written
// again: a push over one copies them first.
func (h *httpd) push(s section) {
	if len(h.texts) < h.frozen {
		h.texts, h.frozen = slices.Clone(h.texts), 0
	}
	h.stack = append(h.stack, s)
	h.texts = append(h.texts, s.text)
}

// pop closes the innermost section, if any ("</...>" closes whatever is
// open, as stacklint does not check names).
func (h *httpd) pop() {
	if len(h.stack) == 0 {
		return
	}
	h.stack = h.stack[:len(h.stack)-1]
	if len(h.stack) == MaxSectionDepth {
		h.deep = 0 // the deep section closed
	}
	if len(h.texts) > len(h.stack) {
		h.texts = h.texts[:len(h.stack)]
	}
}

// hide counts a line left out inside the section opened at h.deep.
func (h *httpd) hide() {
	if h.deep > 0 && h.hidden.Line == 0 {
		h.hidden.Line = h.deep
	}
	h.hidden.Directives++
}

// conditional names the sections that only decide whether their content
// applies (Apache's core and mod_version), as opposed to those that scope it.
func conditional(name string) bool {
	switch name {
	case "IfModule", "IfVersion", "IfDefine", "IfFile", "IfDirective", "IfSection", "If", "ElseIf", "Else":
		return true
	}
	return false
}

// versionHolds evaluates <IfVersion [[!]op] version> (mod_version) against
// HTTPDVersion: =, ==, <, <=, >, >= compare dotted numbers; a missing
// part of the running version (its patch level) makes an inequality true
// and an equality false unless the tested version stops there too;
// regular expressions (~, /re/) are taken as true, negated or not.
func versionHolds(args []string) bool {
	neg, op, want, ok := ifVersionArgs(args)
	if !ok {
		return true
	}
	out, ok := compareHolds(op, want)
	if !ok {
		return true // ~ and regular expressions
	}
	return out != neg
}

// ifVersionArgs splits <IfVersion>'s arguments into negation, operator
// and version; ok is false for a regular expression or a shape mod_version
// refuses.
func ifVersionArgs(args []string) (neg bool, op, want string, ok bool) {
	if len(args) == 0 {
		return false, "", "", false
	}
	args = append([]string(nil), args...)
	neg = strings.HasPrefix(args[0], "!")
	if args[0] = strings.TrimPrefix(args[0], "!"); args[0] == "" {
		args = args[1:]
	}
	switch {
	case len(args) == 1 && !strings.HasPrefix(args[0], "/"):
		return neg, "=", args[0], true
	case len(args) == 2:
		return neg, args[0], args[1], true
	}
	return false, "", "", false
}

// compareHolds evaluates HTTPDVersion op want; ok is false for an
// operator that does not compare (~, regular expressions).
func compareHolds(op, want string) (out, ok bool) {
	c, known := compareVersion(HTTPDVersion, want)
	switch op {
	case "=", "==":
		return known && c == 0, true
	case "<":
		return known && c < 0, true
	case "<=":
		return !known || c <= 0, true
	case ">":
		return !known || c > 0, true
	case ">=":
		return !known || c >= 0, true
	}
	return false, false
}

// compareVersion compares dotted versions part by part; known is false
// when they agree as far as have goes but want has more parts (2.4 against
// 2.4.60: the patch level is unknown).
func compareVersion(have, want string) (int, bool) {
	h, w := strings.Split(have, "."), strings.Split(want, ".")
	for i := range w {
		if i >= len(h) {
			return 0, false
		}
		a, errA := strconv.Atoi(h[i])
		b, errB := strconv.Atoi(w[i])
		if errA != nil || errB != nil {
			return 0, false
		}
		if a != b {
			if a < b {
				return -1, true
			}
			return 1, true
		}
	}
	return 0, true
}

// spaces are the characters apr_isspace takes for white space.
const spaces = " \t\n\r\v\f"

// confWords splits a line as ap_getword_conf does: white space separates
// words; a word that starts with a double or single quote runs to the
// matching quote (see confWord). A line of white space yields one empty
// word.
func confWords(line string) []string {
	var out []string
	for {
		line = strings.TrimLeft(line, spaces)
		if line == "" {
			break
		}
		var w string
		w, line = confWord(line)
		out = append(out, w)
	}
	if len(out) == 0 {
		return []string{""}
	}
	return out
}

// confWord reads the word s starts with and returns it and the rest: a
// quoted word runs to its closing quote (a backslash before a backslash or
// the quote skips it; no closing quote: the rest of the line), a bare word
// to white space; substring_conf then keeps the character after a
// backslash before a backslash (or, quoted, the quote).
func confWord(s string) (string, string) {
	q := s[0]
	if q != '"' && q != '\'' {
		end := strings.IndexAny(s, spaces)
		if end < 0 {
			end = len(s)
		}
		return unescape(s[:end], 0), s[end:]
	}
	i := 1
	for i < len(s) && s[i] != q {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == q || s[i+1] == '\\') {
			i++
		}
		i++
	}
	word := unescape(s[1:min(i, len(s))], q)
	if i < len(s) {
		i++ // the closing quote
	}
	return word, s[i:]
}

// unescape is substring_conf: a backslash before a backslash, or before
// the quote q of a quoted word, leaves the character after it alone.
func unescape(s string, q byte) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '\\' || q != 0 && s[i+1] == q) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// canonical writes the directives and sections stacklint's rules read in
// their documented case (Apache matches names without regard to case);
// other names stay as written.
func canonical(name string) string {
	for _, n := range [...]string{
		"VirtualHost", "Directory", "DirectoryMatch", "Location", "LocationMatch", "Files", "FilesMatch",
		"Proxy", "ProxyMatch", "Limit", "LimitExcept", "RequireAll", "RequireAny", "RequireNone",
		"IfModule", "IfVersion", "IfDefine", "IfFile", "IfDirective", "IfSection", "If", "ElseIf", "Else",
		"Listen", "ServerName", "ServerAlias", "ServerRoot", "Include", "IncludeOptional", "Alias",
		"AliasMatch", "ScriptAlias", "Require", "Allow", "Deny", "Order", "SetHandler", "SetEnv",
		"ProxyPass", "ProxyPassMatch", "WSGIScriptAlias", "WSGIScriptAliasMatch", "WSGIDaemonProcess",
		"WSGIProcessGroup", "WSGIApplicationGroup", "SSLEngine", "RequestHeader", "Header",
	} {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	return name
}

// Nest places directives read from a file that an Include inside sections
// pulls in: blocks (the Include's own Blocks, outermost first) go around
// each directive, Block becomes the innermost section that scopes, and
// Off holds when off says the Include itself is skipped. A directive
// that would then sit more than MaxSectionDepth sections deep is left out
// and counted in Hidden (its line: the first such directive's). The input
// is not changed; directives that shared their Blocks share the new ones.
func Nest(ds []Directive, blocks []string, off bool) ([]Directive, Hidden) {
	out := make([]Directive, 0, len(ds))
	var hidden Hidden
	around := map[blocksID][]string{}
	for _, d := range ds {
		if len(blocks)+len(d.Blocks) > MaxSectionDepth {
			hidden.Add(Hidden{Line: d.Line, Directives: 1})
			continue
		}
		id := idOf(d.Blocks)
		all, ok := around[id]
		if !ok {
			all = append(slices.Clip(slices.Clone(blocks)), d.Blocks...)
			around[id] = all
		}
		d.Blocks = all
		d.Block = ""
		for _, b := range d.Blocks {
			if name, _, _ := strings.Cut(b, " "); !conditional(name) {
				d.Block = b
			}
		}
		d.Off = d.Off || off
		out = append(out, d)
	}
	return out, hidden
}

// blocksID is a Blocks slice's identity: its array and length.
type blocksID struct {
	first *string
	n     int
}

func idOf(bs []string) blocksID {
	if len(bs) == 0 {
		return blocksID{}
	}
	return blocksID{&bs[0], len(bs)}
}
