package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// fieldError is a problem with a value of the document: keys lead to it
// from the top (nodes, <name>, addresses), item names the offending entry
// of a list ("" for the value itself).
type fieldError struct {
	keys []string
	item string
	msg  string
}

func (e *fieldError) Error() string { return e.msg }

var lineRefAt = regexp.MustCompile(`line (\d+): ([^\n]*)`)

// located words an error of reading the file at path as
// "<file>:<line>: <message>" on one line: a fieldError at the line of the
// value it names; a yaml.v3 error (a syntax error, the first of a type
// error's list, an unmarshaler's "line N: ...") at the line it names; line
// 1 when nothing names one. Long values are cut to an excerpt.
func located(path string, data []byte, err error) error {
	var fe *fieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%s:%d: %s", path, lineOf(data, fe.keys, fe.item), excerpt(fe.msg))
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = humanYAML(msg)
	if m := lineRefAt.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return fmt.Errorf("%s:%d: %s", path, n, excerpt(m[2]))
	}
	return fmt.Errorf("%s:1: %s", path, excerpt(strings.ReplaceAll(msg, "\n", " ")))
}

// lineOf returns the line of the value the keys lead to in the YAML
// document (of its item when item is set), or 1.
func lineOf(data []byte, keys []string, item string) int {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return 1
	}
	n := doc.Content[0]
	for _, k := range keys {
		if n = value(n, k); n == nil {
			return 1
		}
	}
	for _, c := range n.Content {
		if item != "" && c.Kind == yaml.ScalarNode && c.Value == item {
			return c.Line
		}
	}
	return n.Line
}

// value returns the value of key in a mapping node, or nil.
func value(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// nullEntry finds an empty entry of rules, disable, enable, ignore_paths or
// ignores. yaml.v3 does not hand a null to an unmarshaler, so the entry
// would stay a zero value without a line; it is an error at its line.
func nullEntry(data []byte) error {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	for _, key := range []string{"rules", "disable", "enable", "ignore_paths", "ignores"} {
		n := value(doc.Content[0], key)
		if n == nil {
			continue
		}
		for i, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.ShortTag() != "!!null" {
				continue
			}
			if n.Kind == yaml.SequenceNode {
				return fmt.Errorf("line %d: %s: an empty entry", c.Line, key)
			}
			if i%2 == 1 { // a mapping's value: at its key's line (yaml.v3 puts
				// the missing value of an explicit "? key" on the next line, even
				// past the end of the file)
				k := n.Content[i-1]
				return fmt.Errorf("line %d: %s.%s: no level or parameters", k.Line, key, k.Value)
			}
		}
	}
	return nil
}

// An error message quotes at most an excerpt of the file: a word (a role,
// rule id or node name written in it) over maxWord bytes is cut to its
// first excerptBytes, and the message to maxMessage bytes.
const (
	maxWord      = 80
	excerptBytes = 60
	maxMessage   = 400
)

// excerpt shortens msg as the constants above say, marking each cut "…".
func excerpt(msg string) string {
	var b strings.Builder
	for _, w := range strings.SplitAfter(msg, " ") {
		if len(w) > maxWord {
			w = cut(w, excerptBytes) + "…" + w[len(strings.TrimRight(w, " ")):]
		}
		b.WriteString(w)
	}
	if b.Len() > maxMessage {
		return cut(b.String(), maxMessage) + "…"
	}
	return b.String()
}

// cut returns the first n bytes of s at most, at a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// humanYAML words yaml.v3's messages for people: YAML tags as what they
// are ("cannot unmarshal !!seq into string": "cannot read a list into
// text"), Go types as the configuration's parts, never a Go type name.
func humanYAML(msg string) string {
	msg = goType.ReplaceAllStringFunc(msg, func(m string) string {
		prep, typ, _ := strings.Cut(m, " ")
		if prep == "in" {
			typ = strings.TrimPrefix(typ, "type ")
		}
		return prep + " " + typeWords(typ)
	})
	return strings.NewReplacer(
		"!!seq", "a list", "!!map", "a mapping", "!!str", "text", "!!int", "a number",
		"!!float", "a number", "!!bool", "true or false", "!!null", "nothing",
		"cannot unmarshal", "cannot read", "field ", "key ",
	).Replace(msg)
}

// goType matches the Go types yaml.v3 names: "into config.Config", "in
// type config.Node", "into []string".
var goType = regexp.MustCompile(`(into|in type) (\[\])?(map\[string\])?[a-z]*\.?[A-Za-z]+`)

func typeWords(t string) string {
	switch t {
	case "config.Config":
		return "the configuration"
	case "config.Node":
		return "a node's settings"
	case "string":
		return "text"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "true or false"
	}
	if strings.HasPrefix(t, "[]") {
		return "a list"
	}
	if strings.HasPrefix(t, "map[") {
		return "a mapping"
	}
	return "a setting"
}
