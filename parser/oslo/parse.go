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
	if err := p.run(splitLines(text)); err != nil {
		return nil, err
	}
	return p.f, nil
}

type pending struct {
	key   string
	parts []string
	line  int
	col   int
	end   int
}

type parser struct {
	f       *File
	lineno  int
	section *Section
	header  string
	cur     *pending
}

func (p *parser) run(lines []string) error {
	for _, raw := range lines {
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
		if p.cur == nil {
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
	p.cur = &pending{key: key, parts: []string{value}, line: p.lineno, col: col, end: p.lineno}
	return nil
}

// flush stores the pending assignment, as iniparser's _assignment does.
func (p *parser) flush() error {
	c := p.cur
	if c == nil {
		return nil
	}
	p.cur = nil
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

// splitLines splits like Python's universal-newline text reader: "\n",
// "\r\n" and a lone "\r" each end a line; a final line without a newline
// still counts.
func splitLines(text string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, text[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) {
		lines = append(lines, text[start:])
	}
	return lines
}
