package directive

import (
	"bytes"
	"strconv"
	"strings"
)

// HTTPDVersion is the Apache httpd version <IfVersion> sections are
// evaluated against: 2.4 is the only series every supported distribution
// ships (RHEL 8/9 2.4.37/2.4.57, Debian 12 2.4.62, Ubuntu 22.04 2.4.52);
// a patch-level test (<IfVersion >= 2.4.60>) is taken as true.
const HTTPDVersion = "2.4"

// httpd reads Apache's configuration as server/config.c does
// (ap_build_config, ap_getword_conf): a line ending in a backslash
// continues on the next; arguments are words, or quoted strings in which
// a backslash escapes the quote; directive and section names are matched
// without regard to case (written in their documented case here when
// known); sections nest.
type httpd struct {
	out   []Directive
	stack []section // open sections, outermost first
	cont  *pending  // a line continued with a backslash
}

// section is an open <Name args> tag.
type section struct {
	text string // "VirtualHost *:5000", arguments unquoted
	cond bool   // a conditional section: it scopes nothing
	off  bool   // a conditional known false on HTTPDVersion (itself or enclosing)
}

type pending struct {
	line int
	text string
}

// parseHTTPD reads an Apache httpd configuration file (Tags).
func parseHTTPD(data []byte) []Directive {
	h := &httpd{}
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		raw, data, _ = bytes.Cut(data, []byte("\n"))
		h.line(n, string(bytes.TrimSuffix(raw, []byte("\r"))))
	}
	h.flush()
	return h.out
}

func (h *httpd) line(n int, raw string) {
	text := strings.TrimRight(raw, " \t")
	if h.cont != nil {
		n, text = h.cont.line, h.cont.text+" "+strings.TrimLeft(text, " \t")
		h.cont = nil
	}
	if strings.HasSuffix(text, "\\") {
		h.cont = &pending{line: n, text: strings.TrimSuffix(text, "\\")}
		return
	}
	line := strings.TrimSpace(text)
	if line == "" || line[0] == '#' {
		return
	}
	h.directive(n, line)
}

// flush ends a file whose last line is continued.
func (h *httpd) flush() {
	if c := h.cont; c != nil {
		h.cont = nil
		if line := strings.TrimSpace(c.text); line != "" && line[0] != '#' {
			h.directive(c.line, line)
		}
	}
}

func (h *httpd) directive(n int, line string) {
	if strings.HasPrefix(line, "</") {
		if len(h.stack) > 0 {
			h.stack = h.stack[:len(h.stack)-1]
		}
		return
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
		h.stack = append(h.stack, s)
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
	for _, s := range h.stack {
		d.Blocks = append(d.Blocks, s.text)
		if !s.cond {
			d.Block = s.text
		}
		d.Off = d.Off || s.off
	}
	return d
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
	c, known := compareVersion(HTTPDVersion, want)
	var out bool
	switch op {
	case "=", "==":
		out = known && c == 0
	case "<":
		out = known && c < 0
	case "<=":
		out = !known || c <= 0
	case ">":
		out = !known || c > 0
	case ">=":
		out = !known || c >= 0
	default:
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
const spaces = " \t\r\v\f"

// confWords splits a line as ap_getword_conf does: white space separates
// words; a word that starts with a double or single quote runs to the
// matching quote, a backslash before that quote keeping it. A line of
// white space yields one empty word.
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

func confWord(s string) (string, string) {
	q := s[0]
	if q != '"' && q != '\'' {
		end := strings.IndexAny(s, spaces)
		if end < 0 {
			return s, ""
		}
		return s[:end], s[end:]
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == q:
			b.WriteByte(q)
			i++
		case s[i] == q:
			return b.String(), s[i+1:]
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), "" // no closing quote: Apache takes the rest
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
