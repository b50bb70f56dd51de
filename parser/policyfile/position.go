package policyfile

import "unicode/utf8"

// cursor walks a document forward, keeping the line and column (1-based,
// in characters) of its byte offset the way yaml.v3 counts them: "\r\n",
// "\r", "\n", U+0085, U+2028 and U+2029 end a line. Positions asked in
// document order cost O(1) each, amortised: every byte is passed once.
type cursor struct {
	data      []byte
	off       int
	line, col int
}

func newCursor(data []byte) *cursor { return &cursor{data: data, line: 1, col: 1} }

// to moves to byte offset off and returns its line and column; an offset
// behind the cursor starts again from the top.
func (c *cursor) to(off int) (line, col int) {
	off = min(off, len(c.data))
	if off < c.off {
		c.off, c.line, c.col = 0, 1, 1
	}
	for c.off < off {
		c.step()
	}
	return c.line, c.col
}

// seek moves to the given line and column and returns its byte offset, or
// -1 when the line ends (or the document does) before the column.
func (c *cursor) seek(line, col int) int {
	if line < c.line || line == c.line && col < c.col {
		c.off, c.line, c.col = 0, 1, 1
	}
	for c.off < len(c.data) && (c.line < line || c.line == line && c.col < col) {
		if c.line == line && c.breakLen() > 0 {
			return -1
		}
		c.step()
	}
	if c.line != line || c.col != col {
		return -1
	}
	return c.off
}

// step passes one character or line break.
func (c *cursor) step() {
	if n := c.breakLen(); n > 0 {
		c.off += n
		c.line++
		c.col = 1
		return
	}
	_, n := utf8.DecodeRune(c.data[c.off:])
	c.off += n
	c.col++
}

// breakLen is the length of the line break at the cursor, 0 if none.
func (c *cursor) breakLen() int {
	d := c.data[c.off:]
	switch {
	case len(d) >= 2 && d[0] == '\r' && d[1] == '\n':
		return 2
	case len(d) >= 1 && (d[0] == '\r' || d[0] == '\n'):
		return 1
	case len(d) >= 2 && d[0] == 0xc2 && d[1] == 0x85:
		return 2
	case len(d) >= 3 && d[0] == 0xe2 && d[1] == 0x80 && (d[2] == 0xa8 || d[2] == 0xa9):
		return 3
	}
	return 0
}

// hasPrefix reports whether b starts with s, without copying either.
func hasPrefix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[:len(s)]) == s
}
