// Package policyfile reads oslo.policy files (policy.json / policy.yaml)
// with the position of every rule. Like oslo.policy it tries JSON first and
// falls back to YAML; duplicate keys are kept in order (the last one wins).
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
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Value kinds of a rule.
const (
	KindString = "string" // a check string
	KindNull   = "null"   // YAML null: oslo.policy treats it as "" (allow all)
	KindList   = "list"   // legacy list-of-lists syntax
	KindOther  = "other"  // bool, number or mapping: oslo.policy fails or denies
)

// Rule is one policy entry.
type Rule struct {
	Name   string
	Kind   string
	Expr   string     // the check string when Kind is "string"
	List   [][]string // the legacy lists when Kind is "list"
	Value  any        // the value as the loader decodes it (parser/policy.Parse takes it)
	Line   int        // line of the policy name
	Column int
	// ExprLine and ExprColumn locate the first character of Expr in the
	// file when Expr is written there verbatim on one line (no escapes,
	// no folding); both are 0 otherwise.
	ExprLine, ExprColumn int
}

// At locates the byte offset off of Expr in the file: inside the value when
// it is written verbatim, else the policy name's position.
func (r *Rule) At(off int) (line, col int) {
	if r.ExprLine == 0 || off < 0 || off > len(r.Expr) {
		return r.Line, r.Column
	}
	return r.ExprLine, r.ExprColumn + utf8.RuneCountInString(r.Expr[:off])
}

// File is a parsed policy file.
type File struct {
	Loader string  // "json" or "yaml": the loader oslo.policy would use
	Rules  []*Rule // in file order, duplicates included
}

// Error is an invalid policy document with the error position.
type Error struct {
	Line, Column int
	Msg          string
}

func (e *Error) Error() string { return e.Msg }

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads a policy document.
func Parse(data []byte) (*File, error) {
	loader := "yaml"
	if json.Valid(data) {
		loader = "json"
	}
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
	lines := bytes.Split(data, []byte("\n"))
	for i := 0; i+1 < len(root.Content); i += 2 {
		r := rule(root.Content[i], root.Content[i+1])
		locate(r, root.Content[i+1], lines)
		f.Rules = append(f.Rules, r)
	}
	return f, nil
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
	switch x := v.(type) {
	case nil:
		return true
	case bool:
		return !x
	case int:
		return x == 0
	case float64:
		return x == 0
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	}
	return false
}

var yaml11False = []string{"no", "No", "NO", "off", "Off", "OFF"}

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

// locate sets ExprLine/ExprColumn when the check string stands verbatim on
// the value's line (after its opening quote, if any).
func locate(r *Rule, v *yaml.Node, lines [][]byte) {
	if r.Kind != KindString || r.Expr == "" || v.Line < 1 || v.Line > len(lines) {
		return
	}
	col := v.Column
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	runes := []rune(string(lines[v.Line-1]))
	if col-1 > len(runes) || !strings.HasPrefix(string(runes[col-1:]), r.Expr) {
		return
	}
	r.ExprLine, r.ExprColumn = v.Line, col
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
