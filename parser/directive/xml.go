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
	for {
		tok, err := dec.Token()
		if err != nil { // io.EOF, or a fault: keep what was read
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			out = append(out, Directive{Line: startLine(data, dec.InputOffset()), Name: t.Name.Local, Args: attrs(t.Attr), Block: top(stack)})
			stack = append(stack, t.Name.Local)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
}

// startLine is the line of the '<' that opens the element ending at end.
func startLine(data []byte, end int64) int {
	start := bytes.LastIndexByte(data[:end], '<')
	if start < 0 {
		start = 0
	}
	return bytes.Count(data[:start], []byte("\n")) + 1
}

func attrs(as []xml.Attr) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Name.Local+"="+a.Value)
	}
	sort.Strings(out)
	return out
}
