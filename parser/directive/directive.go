// Package directive reads the line-oriented configuration files of the
// services around OpenStack: sysctl.conf, modules-load.d, chrony.conf,
// memcached options, my.cnf, haproxy.cfg, rabbitmq.conf and Apache httpd
// configuration, limits.conf, systemd units, iptables-save files and
// firewalld zones. Each becomes a list of directives (name, arguments,
// line) with the section or block it sits in; no dialect is validated.
package directive

import (
	"bytes"
	"strings"
)

// Style says how a dialect writes its lines.
type Style int

// Dialects.
const (
	// Assign: "name = value" (sysctl, rabbitmq.conf, dnsmasq); a bare word
	// is a name without value.
	Assign Style = iota
	// INI: [section] headers and "name = value" or bare names (my.cnf).
	INI
	// Words: whitespace-separated words (chrony, modules-load.d,
	// memcached.conf).
	Words
	// Indented: a line at column 0 opens a section (haproxy.cfg: global,
	// defaults, frontend x, backend y, listen z), indented lines belong to it.
	Indented
	// Tags: Apache httpd, <Block args> ... </Block> nest.
	Tags
	// XML: elements with attributes (firewalld zones).
	XML
)

// Directive is one setting.
type Directive struct {
	Line  int
	Name  string
	Args  []string
	Block string // enclosing section or tag block ("VirtualHost *:5000"), "" at top level
	// Blocks (httpd) are every enclosing section, outermost first, with
	// conditionals: ["VirtualHost *:8778", "Directory /usr/bin",
	// "IfVersion >= 2.4"]; Block is the innermost one that scopes. At most
	// MaxSectionDepth; directives may share the slice's array: read only.
	Blocks []string
	// Off (httpd): a conditional section around the directive is false on
	// HTTPDVersion (<IfVersion < 2.4>): Apache skips it.
	Off bool
}

// Parse reads data in the given style. Comments start with '#' (and ';'
// for Assign and INI) at the start of a line. Lines end at "\n" (a "\r"
// before it is dropped) and may be of any length; no input makes Parse
// fail or panic, a line it cannot make sense of is a directive named as
// written.
func Parse(style Style, data []byte) []Directive {
	if style == XML {
		return parseXML(data)
	}
	if style == Tags {
		return parseHTTPD(data)
	}
	p := &parser{style: style}
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		raw, data, _ = bytes.Cut(data, []byte("\n"))
		text := string(bytes.TrimSuffix(raw, []byte("\r")))
		line := strings.TrimSpace(text)
		if !p.comment(line) {
			p.line(n, text, line)
		}
	}
	return p.out
}

// parser holds the state of one Parse call.
type parser struct {
	style Style
	out   []Directive
	block string // current INI section or haproxy section
}

// comment reports blank and comment lines.
func (p *parser) comment(line string) bool {
	return line == "" || line[0] == '#' || (line[0] == ';' && (p.style == Assign || p.style == INI))
}

func (p *parser) line(n int, raw, line string) {
	switch p.style {
	case INI:
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			p.block = strings.TrimSpace(line[1 : len(line)-1])
			return
		}
		p.out = appendNamed(p.out, assign(n, line, p.block))
	case Assign:
		p.out = appendNamed(p.out, assign(n, line, ""))
	case Words:
		p.out = append(p.out, words(n, line, ""))
	case Indented:
		d := words(n, line, p.block)
		if !strings.HasPrefix(raw, " ") && !strings.HasPrefix(raw, "\t") {
			p.block = line
			d.Block = ""
		}
		p.out = append(p.out, d)
	}
}

// appendNamed drops a line without a name ("= 1"): no dialect reads it
// as a setting.
func appendNamed(out []Directive, d Directive) []Directive {
	if d.Name == "" {
		return out
	}
	return append(out, d)
}

func assign(n int, line, block string) Directive {
	name, value, ok := strings.Cut(line, "=")
	d := Directive{Line: n, Name: strings.TrimSpace(name), Block: block}
	if ok {
		d.Args = []string{strings.Trim(strings.TrimSpace(value), `"'`)}
	}
	return d
}

// words splits a line at white space: the first word names the directive.
// A line of white space only (which callers skip) yields an empty name.
func words(n int, line, block string) Directive {
	f := strings.Fields(line)
	if len(f) == 0 {
		return Directive{Line: n, Block: block}
	}
	return Directive{Line: n, Name: f[0], Args: f[1:], Block: block}
}

// openTag returns the text between '<' and '>' of an opening tag line with
// a name ("<VirtualHost *:5000>" gives "VirtualHost *:5000").
func openTag(line string) (string, bool) {
	if len(line) < 2 || line[0] != '<' || line[len(line)-1] != '>' {
		return "", false
	}
	inner := strings.TrimSpace(line[1 : len(line)-1])
	return inner, inner != ""
}

func top(stack []string) string {
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1]
}
