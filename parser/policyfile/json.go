package policyfile

import (
	"bytes"
	"encoding/json"
	"fmt"

	"gopkg.in/yaml.v3"
)

// parseJSON reads a valid JSON document with a streaming decoder: names
// and check strings are decoded as Python's json module decodes them,
// positions come from the decoder's byte offsets (counted as yaml.v3
// counts lines and columns, so both loaders place rules alike), and any
// other value (a legacy list, a number, a mapping) is handed to yaml.v3
// alone, as the YAML loader would have decoded it. Memory stays a small
// multiple of the document: no node tree of the whole file is built.
func parseJSON(data []byte) (*File, error) {
	cur := newCursor(data)
	start := skip(data, 0, "")
	if data[start] != '{' {
		var v any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if dec.Decode(&v) == nil && pyFalse(v) {
			return &File{Loader: "json"}, nil // oslo.policy reads `parsed or {}`: no overrides
		}
		line, col := cur.to(start)
		return nil, &Error{Line: line, Column: col, Msg: "policy document is not a mapping of rule names to check strings"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		return nil, jsonError(err)
	}
	f := &File{Loader: "json"}
	for dec.More() {
		r, err := jsonRule(dec, data, cur)
		if err != nil {
			return nil, err
		}
		f.Rules = append(f.Rules, r)
	}
	return f, nil
}

// jsonRule reads one "name": value pair of the top-level object.
func jsonRule(dec *json.Decoder, data []byte, cur *cursor) (*Rule, error) {
	keyAt := skip(data, int(dec.InputOffset()), ",")
	tok, err := dec.Token()
	if err != nil {
		return nil, jsonError(err)
	}
	name, _ := tok.(string) // the decoder only returns string keys inside an object
	valueAt := skip(data, int(dec.InputOffset()), ":")
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonError(err)
	}
	raw := data[valueAt:dec.InputOffset()]
	r := &Rule{Name: name}
	r.Line, r.Column = cur.to(keyAt)
	if s, ok := v.(string); ok {
		r.Kind, r.Expr, r.Value = KindString, s, s
		line, col := cur.to(valueAt + 1)
		if s != "" && hasPrefix(raw[1:], s) {
			r.setExprPosition(line, col)
		}
		return r, nil
	}
	var node yaml.Node
	if err := yaml.Unmarshal(raw, &node); err != nil || len(node.Content) == 0 {
		return nil, &Error{Line: r.Line, Column: r.Column, Msg: fmt.Sprintf("invalid policy value of %q", name)}
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name, Line: r.Line, Column: r.Column}
	return rule(k, node.Content[0]), nil
}

// skip returns the offset of the first byte at or after off that is
// neither JSON white space nor one of the separators in seps.
func skip(data []byte, off int, seps string) int {
	for off < len(data) {
		switch c := data[off]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case bytes.IndexByte([]byte(seps), c) >= 0:
		default:
			return off
		}
		off++
	}
	return off
}

// jsonError words a decoder error; unreachable for a document json.Valid
// accepted, kept so that a decoder change cannot pass silently.
func jsonError(err error) error {
	return &Error{Line: 1, Column: 1, Msg: "invalid JSON: " + err.Error()}
}
