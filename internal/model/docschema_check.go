package model

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
)

// Conform checks a model document (Plain's maps, slices, strings, ints,
// bools and nils, or the same decoded from JSON) against s: every key
// present must be described and hold a value of its described type (and
// one of its values, if listed), and every required key of a described
// object must be present. It returns one line per problem, "pattern: what
// (at a concrete path)", the first instance of each pattern, sorted.
func (s *Schema) Conform(doc any) []string {
	c := &conformer{s: s, seen: map[string]string{}}
	c.value(s.Root, doc, "input", "input")
	out := make([]string, 0, len(c.seen))
	for _, line := range c.seen {
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

// conformer collects Conform's problems by pattern and problem.
type conformer struct {
	s    *Schema
	seen map[string]string // pattern + problem -> line
}

func (c *conformer) fail(pattern, at, problem string) {
	k := pattern + "\x00" + problem
	if _, ok := c.seen[k]; !ok {
		c.seen[k] = fmt.Sprintf("%s: %s (at %s)", pattern, problem, at)
	}
}

// value checks v against f at (pattern, at).
func (c *conformer) value(f *Field, v any, pattern, at string) {
	f = c.s.Resolve(f)
	if f == nil {
		c.fail(pattern, at, "refers to an undefined definition")
		return
	}
	if v == nil {
		if !f.Nullable && f.Kind != KindAny {
			c.fail(pattern, at, "null, described as a "+string(f.Kind))
		}
		return
	}
	switch f.Kind {
	case KindAny:
	case KindString:
		c.stringValue(f, v, pattern, at)
	case KindInt:
		if !isInt(v) {
			c.fail(pattern, at, fmt.Sprintf("a %T, described as an int", v))
		}
	case KindBool:
		if _, ok := v.(bool); !ok {
			c.fail(pattern, at, fmt.Sprintf("a %T, described as a bool", v))
		}
	case KindList:
		c.list(f, v, pattern, at)
	case KindMap:
		c.mapValue(f, v, pattern, at)
	case KindObject:
		c.object(f, v, pattern, at)
	default:
		c.fail(pattern, at, "described with an unknown kind "+string(f.Kind))
	}
}

func (c *conformer) stringValue(f *Field, v any, pattern, at string) {
	s, ok := v.(string)
	if !ok {
		c.fail(pattern, at, fmt.Sprintf("a %T, described as a string", v))
		return
	}
	if len(f.OneOf) > 0 && !slices.Contains(f.OneOf, s) {
		c.fail(pattern, at, fmt.Sprintf("%q is none of the described values", s))
	}
}

func (c *conformer) list(f *Field, v any, pattern, at string) {
	l, ok := v.([]any)
	if !ok {
		c.fail(pattern, at, fmt.Sprintf("a %T, described as a list", v))
		return
	}
	for i, x := range l {
		c.value(f.Elem, x, pattern+"[]", at+"["+strconv.Itoa(i)+"]")
	}
}

func (c *conformer) mapValue(f *Field, v any, pattern, at string) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(pattern, at, fmt.Sprintf("a %T, described as a map", v))
		return
	}
	for _, k := range sortedKeys(m) {
		c.value(f.Elem, m[k], pattern+".*", at+"."+strconv.Quote(k))
	}
}

func (c *conformer) object(f *Field, v any, pattern, at string) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(pattern, at, fmt.Sprintf("a %T, described as an object", v))
		return
	}
	described := map[string]bool{}
	for _, k := range f.Fields {
		described[k.Name] = true
		x, ok := m[k.Name]
		if !ok {
			if !k.Optional {
				c.fail(pattern+"."+k.Name, at, "required key missing")
			}
			continue
		}
		c.value(k, x, pattern+"."+k.Name, at+"."+k.Name)
	}
	for _, k := range sortedKeys(m) {
		if !described[k] {
			c.fail(pattern+"."+k, at+"."+k, "key not described in model.DocSchema (describe it, bump model.Version, add a changelog line)")
		}
	}
}

// isInt: an int, or a JSON number holding an integer.
func isInt(v any) bool {
	switch n := v.(type) {
	case int:
		return true
	case float64:
		return n == math.Trunc(n)
	case json.Number:
		_, err := n.Int64()
		return err == nil
	}
	return false
}
