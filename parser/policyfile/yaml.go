package policyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML reads a document through yaml.v3's node tree, which gives the
// positions.
func parseYAML(data []byte, loader string) (*File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, docError(data, err)
	}
	f := &File{Loader: loader}
	if len(doc.Content) == 0 {
		return f, nil // empty document: no overrides
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode && falsy(root) {
		return f, nil // oslo.policy reads `parsed or {}`: no overrides
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Line: root.Line, Column: root.Column,
			Msg: "policy document is not a mapping of rule names to check strings"}
	}
	cur := newCursor(data)
	for i := 0; i+1 < len(root.Content); i += 2 {
		r := rule(root.Content[i], root.Content[i+1])
		locate(r, root.Content[i+1], cur)
		f.Rules = append(f.Rules, r)
	}
	return f, nil
}

func rule(k, v *yaml.Node) *Rule {
	r := &Rule{Name: k.Value, Line: k.Line, Column: k.Column, Kind: KindOther}
	if err := v.Decode(&r.Value); err != nil {
		r.Value = err.Error() // unreachable for a node the parser produced; keeps Value non-nil
	}
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		r.Kind = KindNull
	case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
		r.Kind, r.Expr = KindString, v.Value
	case v.Kind == yaml.SequenceNode:
		r.Kind = KindList
		for _, inner := range v.Content {
			var items []string
			for _, it := range inner.Content {
				items = append(items, it.Value)
			}
			r.List = append(r.List, items)
		}
	}
	return r
}

// locate sets the position of Expr when the check string stands verbatim on
// the value's line (after its opening quote, if any).
func locate(r *Rule, v *yaml.Node, cur *cursor) {
	if r.Kind != KindString || r.Expr == "" || v.Line < 1 {
		return
	}
	col := v.Column
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	off := cur.seek(v.Line, col)
	if off < 0 || !hasPrefix(cur.data[off:], r.Expr) || strings.ContainsAny(r.Expr, "\r\n\u0085\u2028\u2029") {
		return
	}
	r.setExprPosition(v.Line, col)
}

// docError positions an invalid document: a JSON-looking file gets the JSON
// decoder's position, anything else the YAML parser's.
func docError(data []byte, yerr error) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var se *json.SyntaxError
		var v any
		if err := json.Unmarshal(data, &v); errors.As(err, &se) {
			line, col := position(data, int(se.Offset))
			return &Error{Line: line, Column: col, Msg: "invalid JSON: " + se.Error()}
		}
	}
	if m := yamlLine.FindStringSubmatch(yerr.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{Line: n, Column: 1, Msg: "invalid YAML: " + m[2]}
	}
	return &Error{Line: 1, Column: 1, Msg: fmt.Sprintf("invalid policy document: %v", yerr)}
}

func position(data []byte, offset int) (line, col int) {
	offset = min(offset, len(data))
	line = 1 + bytes.Count(data[:offset], []byte("\n"))
	col = offset - bytes.LastIndexByte(data[:offset], '\n')
	return line, col
}

// falsy reports a document Python reads as false (null, false, 0, 0.0,
// "", []; PyYAML's YAML 1.1 "no" and "off" too), which oslo.policy's
// parse_file_contents turns into no rules. Only the standard tags count: a
// local tag (!x) makes PyYAML fail.
func falsy(root *yaml.Node) bool {
	if root.Tag != "" && !strings.HasPrefix(root.Tag, "!!") {
		return false
	}
	if root.Kind == yaml.ScalarNode && root.Style == 0 && slices.Contains(yaml11False, root.Value) {
		return true
	}
	var v any
	if root.Decode(&v) != nil {
		return false
	}
	return pyFalse(v)
}

// pyFalse is Python's truth test for a decoded JSON or YAML value.
func pyFalse(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case int:
		return x == 0
	case float64:
		return x == 0
	case json.Number:
		f, err := x.Float64()
		return err == nil && f == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	}
	return false
}

var yaml11False = []string{"no", "No", "NO", "off", "Off", "OFF"}
