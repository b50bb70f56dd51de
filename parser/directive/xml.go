package directive

import (
	"bytes"
	"encoding/xml"
	"sort"
)

// parseXML reads a small XML file (firewalld zones): every element is a
// directive named after it, with its attributes as "name=value" arguments
// in name order and the enclosing element as block. A file that is not
// well-formed yields the directives before the fault.
func parseXML(data []byte) []Directive {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []Directive
	var stack []string
	lines := lineCounter{data: data, line: 1}
	for {
		tok, err := dec.Token()
		if err != nil { // io.EOF, or a fault: keep what was read
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			out = append(out, Directive{Line: lines.startLine(dec.InputOffset()), Name: t.Name.Local, Args: attrs(t.Attr), Block: top(stack)})
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// lineCounter turns byte offsets, asked in increasing order, into line
// numbers, counting each newline once (linear in the file, however many
// elements it has).
type lineCounter struct {
	data []byte
	off  int // newlines before off are counted
	line int // line of off
}

// startLine is the line of the '<' that opens the element ending at end
// (an offset at or after the previous call's).
func (c *lineCounter) startLine(end int64) int {
	start := max(bytes.LastIndexByte(c.data[:end], '<'), c.off)
	c.line += bytes.Count(c.data[c.off:start], []byte("\n"))
	c.off = start
	return c.line
}

func attrs(as []xml.Attr) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Name.Local+"="+a.Value)
	}
	sort.Strings(out)
	return out
}
