// Package cephconf reads Ceph's own INI dialect: ceph.conf and cephx
// keyrings, as Ceph's ConfFile (src/common/ConfUtils.cc) reads them.
//
// Sections are "[name]" ("global", "client", "client.cinder", "mon.a");
// settings are "name = value". Option names written with spaces, dashes or
// underscores are the same option ("mon host", "mon-host" and "mon_host"
// are all mon_host), runs of them count as one. '#' and ';' start a
// comment at the start of a line and after a value; a value may be quoted
// ("..." or '...', then a comment character inside is kept) and a line
// ending in '\' continues on the next. Every setting keeps its line; the
// last occurrence of a name in a section is the one Ceph uses. No input
// makes Parse fail or panic: a line it cannot read is listed in Bad.
package cephconf

import (
	"bytes"
	"strings"
)

// File is one parsed file.
type File struct {
	Settings []Setting // in file order, every occurrence
	Bad      []int     // lines that are neither a section, a setting nor a comment
}

// Setting is one "name = value" line.
type Setting struct {
	Section string // the section name as written between the brackets, trimmed ("" before any)
	Name    string // the normalised option name (Normalize)
	Value   string // the value without quotes or trailing comment
	Line    int    // 1-based line of the name
}

// Normalize is the name Ceph looks an option up as: spaces and dashes are
// underscores, runs of them one, none at the ends ("mon  host" is mon_host).
func Normalize(name string) string {
	f := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '\t' || r == '-' || r == '_' })
	return strings.Join(f, "_")
}

// Parse reads data; lines end at "\n" (a "\r" before it is dropped).
func Parse(data []byte) *File {
	f := &File{}
	section := ""
	for n := 1; len(data) > 0; n++ {
		start := n
		var text string
		text, data, n = logicalLine(data, n)
		line := strings.TrimSpace(text)
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			end := strings.IndexByte(line, ']')
			if end < 0 {
				f.Bad = append(f.Bad, start)
				continue
			}
			section = strings.TrimSpace(line[1:end])
		default:
			name, value, ok := strings.Cut(line, "=")
			if !ok || Normalize(name) == "" {
				f.Bad = append(f.Bad, start)
				continue
			}
			f.Settings = append(f.Settings, Setting{Section: section, Name: Normalize(name), Value: cleanValue(value), Line: start})
		}
	}
	return f
}

// logicalLine takes one line, joined with the next while it ends in '\';
// it returns the text, the rest and the number of the last line taken.
func logicalLine(data []byte, n int) (string, []byte, int) {
	var b strings.Builder
	for {
		raw, rest, _ := bytes.Cut(data, []byte("\n"))
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		data = rest
		if bytes.HasSuffix(raw, []byte("\\")) && len(data) > 0 {
			b.Write(raw[:len(raw)-1])
			n++
			continue
		}
		b.Write(raw)
		return b.String(), data, n
	}
}

// cleanValue drops a trailing comment and one pair of quotes.
func cleanValue(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : end+1]
		}
	}
	if i := strings.IndexAny(v, "#;"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

// Last is the value Ceph uses for name (normalised) in section, and
// whether the section sets it.
func (f *File) Last(section, name string) (Setting, bool) {
	for i := len(f.Settings) - 1; i >= 0; i-- {
		if s := f.Settings[i]; s.Section == section && s.Name == name {
			return s, true
		}
	}
	return Setting{}, false
}
