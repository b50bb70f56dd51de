// Package policyfile reads oslo.policy files (policy.json / policy.yaml)
// with the position of every rule. Like oslo.policy it tries JSON first and
// falls back to YAML; duplicate keys are kept in order (the last one wins).
// A JSON file is read by a streaming decoder in time and memory linear in
// its size; YAML goes through yaml.v3's node tree.
package policyfile

import (
	"encoding/json"
	"unicode/utf8"
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

	// marks[i] counts the characters of Expr[:i*markStep] when Expr is
	// located and not ASCII (nil otherwise), so At is O(markStep).
	marks []int
}

// markStep is the byte distance between the character counts of marks.
const markStep = 64

// At locates the byte offset off of Expr in the file: inside the value when
// it is written verbatim, else the policy name's position. Columns count
// characters; the cost does not grow with the length of Expr.
func (r *Rule) At(off int) (line, col int) {
	if r.ExprLine == 0 || off < 0 || off > len(r.Expr) {
		return r.Line, r.Column
	}
	if r.marks == nil {
		return r.ExprLine, r.ExprColumn + off
	}
	i := off / markStep
	return r.ExprLine, r.ExprColumn + r.marks[i] + runeStarts(r.Expr[i*markStep:off])
}

// setExprPosition records where Expr starts in the file.
func (r *Rule) setExprPosition(line, col int) {
	r.ExprLine, r.ExprColumn = line, col
	if !isASCII(r.Expr) {
		r.marks = make([]int, len(r.Expr)/markStep+1)
		for i := 1; i < len(r.marks); i++ {
			r.marks[i] = r.marks[i-1] + runeStarts(r.Expr[(i-1)*markStep:i*markStep])
		}
	}
}

// runeStarts counts the bytes of s that start a UTF-8 sequence (the
// characters of s when s is cut at character boundaries).
func runeStarts(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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

// Parse reads a policy document. The loader is "json" when the whole file
// is valid JSON (as oslo.policy's jsonutils.loads would take it), else
// "yaml".
func Parse(data []byte) (*File, error) {
	if !json.Valid(data) {
		return parseYAML(data, "yaml")
	}
	if !utf8.Valid(data) { // oslo.policy fails on it; yaml.v3 words why
		return parseYAML(data, "json")
	}
	return parseJSON(data)
}
