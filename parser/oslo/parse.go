package oslo

import (
	"fmt"
	"strings"
)

// ParseError is a fatal error oslo.config raises while reading a file. Msg
// is worded exactly as oslo.config words it (without the "Failed to parse
// <path>: at <path>:<line>, " prefix), e.g.
// "Unexpected continuation line: '  y'".
type ParseError struct {
	Line int
	Msg  string
	// Decode is true for an invalid UTF-8 byte: oslo.config does not catch
	// that one, the service dies with a UnicodeDecodeError traceback.
	Decode bool
	// Text is the offending line (quoted in Msg), for callers that must
	// redact secrets from it.
	Text string
}

func (e *ParseError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse reads data as oslo.config would read a --config-file.
func Parse(data []byte) (*File, error) {
	text, derr := decodeUTF8(data)
	if derr != nil {
		return nil, derr
	}
	p := &parser{f: &File{index: map[string]*Section{}}}
	if err := p.run(text); err != nil {
		return nil, err
	}
	return p.f, nil
}

// pending is the assignment being read (continuation lines may follow).
type pending struct {
	key   string
	parts []string // first line's value, then each continuation line
	line  int
	col   int
	end   int
}

type parser struct {
	f       *File
	lineno  int
	section *Section
	header  string
	cur     pending // valid when open
	open    bool
}

// run reads text line by line; the lines are substrings of text, so
// memory stays proportional to the file whatever its shape.
func (p *parser) run(text string) error {
	for rest := text; rest != ""; {
		var raw string
		raw, rest = nextLine(rest)
		p.lineno++
		if err := p.line(raw); err != nil {
			return err
		}
	}
	return p.flush()
}

func (p *parser) line(raw string) error {
	line := pyRstrip(raw)
	if line == "" {
		return p.flush()
	}
	if line[0] == ' ' || line[0] == '\t' {
		if !p.open {
			return p.errorf("Unexpected continuation line", line)
		}
		p.cur.parts = append(p.cur.parts, pyLstrip(line))
		p.cur.end = p.lineno
		return nil
	}
	if err := p.flush(); err != nil {
		return err
	}
	switch line[0] {
	case '[':
		return p.header1(line)
	case '#', ';':
		p.f.Comments = append(p.f.Comments, Comment{Text: pyLstrip(line[1:]), Line: p.lineno})
		return nil
	}
	return p.assignment(line)
}

func (p *parser) header1(line string) error {
	if !strings.HasSuffix(line, "]") {
		return p.errorf("Invalid section (must end with ])", line)
	}
	if runeLen(line) <= 2 {
		return p.errorf("Empty section name", line)
	}
	name := line[1 : len(line)-1]
	p.f.Headers = append(p.f.Headers, Header{Name: name, Line: p.lineno})
	p.section = p.f.section(name, p.lineno)
	p.header = name
	return nil
}

func (p *parser) assignment(line string) error {
	colon := strings.IndexByte(line, ':')
	equal := strings.IndexByte(line, '=')
	if colon < 0 && equal < 0 {
		return p.errorf("No ':' or '=' found in assignment", line)
	}
	sep := colon
	if colon < 0 || (equal >= 0 && equal < colon) {
		sep = equal
	}
	rawKey := line[:sep]
	key := pyStrip(rawKey)
	if key == "" {
		return p.errorf("Key cannot be empty", line)
	}
	value := pyStrip(line[sep+1:])
	if n := len(value); n > 0 && (value[0] == '"' || value[0] == '\'') && value[n-1] == value[0] {
		if n == 1 {
			value = ""
		} else {
			value = value[1 : n-1]
		}
	}
	col := runeLen(rawKey) - runeLen(pyLstrip(rawKey)) + 1
	p.cur = pending{key: key, parts: append(p.cur.parts[:0], value), line: p.lineno, col: col, end: p.lineno}
	p.open = true
	return nil
}

// flush stores the pending assignment, as iniparser's _assignment does.
func (p *parser) flush() error {
	if !p.open {
		return nil
	}
	c := &p.cur
	p.open = false
	if p.section == nil {
		return &ParseError{Line: p.lineno, Msg: "Section must be started before assignment: None"}
	}
	p.section.add(c.key, Value{
		Text: strings.Join(c.parts, "\n"), Line: c.line, Column: c.col,
		EndLine: c.end, Header: p.header,
	})
	return nil
}

func (p *parser) errorf(msg, line string) error {
	return &ParseError{Line: p.lineno, Msg: msg + ": " + PyRepr(line), Text: line}
}

// nextLine splits off the first line of a non-empty text like Python's
// universal-newline text reader: "\n", "\r\n" and a lone "\r" each end a
// line; a final line without a newline still counts.
func nextLine(text string) (line, rest string) {
	i := strings.IndexAny(text, "\r\n")
	switch {
	case i < 0:
		return text, ""
	case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
		return text[:i], text[i+2:]
	}
	return text[:i], text[i+1:]
}
