package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Default is an option's default as the service reads it when no file sets
// it, after oslo.config's $-substitution of other options' defaults.
type Default struct {
	// Known is false when the data has no default for the option (a
	// release generated before defaults were recorded, an unknown option).
	Known bool
	// Value is the default decoded from JSON: nil (None), bool, float64,
	// string, []any or map[string]any. A substituted default is a string.
	Value any
	// Host is true when the default is computed on the host at start-up,
	// itself or through a $reference (my_block_storage_ip = $my_ip); Text
	// then holds placeholders (HostDefault) and Value is nil.
	Host bool
	// Text is the default as a sample config writes it: oslo's formatting
	// (true/false, lists joined by ",", dicts as k:v sorted, "" for None).
	Text string
}

// DefaultOf returns the default of option key of group in a kind (or of an
// auth plugin option when authType names a plugin), with $name, ${name} and
// ${group.name} references replaced by the referenced options' defaults as
// oslo.config's ConfigOpts._substitute does: the option in the same group,
// else the name in [DEFAULT]; $$ is a dollar. A reference to an unknown
// option is left as written; references are followed at most 10 deep.
func (s *Schema) DefaultOf(kind, group, key, authType string) Default {
	return s.defaultOf(kind, Group(group), key, authType, 0)
}

func (s *Schema) defaultOf(kind, group, key, authType string, depth int) Default {
	o := s.option(kind, group, key, authType)
	if o == nil {
		return Default{}
	}
	if o.HostDefault != "" {
		return Default{Known: true, Host: true, Text: o.HostDefault}
	}
	if o.Default == nil {
		return Default{}
	}
	var v any
	if err := json.Unmarshal(o.Default, &v); err != nil {
		return Default{}
	}
	d := Default{Known: true, Value: v, Text: FormatDefault(v)}
	if f, ok := v.(float64); ok && o.Type == "float" && f == float64(int64(f)) {
		d.Text += ".0" // Python's str() of a float
	}
	if str, ok := v.(string); ok && strings.Contains(str, "$") && depth < 10 {
		return s.substituted(kind, group, str, authType, depth)
	}
	return d
}

// substituted is a string default with its $references replaced by the
// referenced defaults (same group first, then [DEFAULT]); it is
// host-dependent when a referenced default is.
func (s *Schema) substituted(kind, group, str, authType string, depth int) Default {
	var host bool
	text := Substitute(str, func(ref string) (string, bool) {
		g, name := group, ref
		if i := strings.IndexByte(ref, '.'); i > 0 {
			g, name = ref[:i], ref[i+1:]
		}
		r := s.defaultOf(kind, g, name, authType, depth+1)
		if !r.Known && g == group && group != "DEFAULT" {
			r = s.defaultOf(kind, "DEFAULT", ref, authType, depth+1)
		}
		host = host || r.Host
		return r.Text, r.Known
	})
	if host {
		return Default{Known: true, Host: true, Text: text}
	}
	return Default{Known: true, Value: text, Text: text}
}

// option finds an option of a kind by group and dest, or an auth plugin's.
func (s *Schema) option(kind, group, key, authType string) *Opt {
	if k := s.Kinds[kind]; k != nil {
		if o := k.Groups[group][key]; o != nil {
			return o
		}
	}
	return s.authOpt(authType, key)
}

// Substitute expands oslo.config's $-references in v with lookup (which
// reports whether it knows the name); unknown names stay as written.
func Substitute(v string, lookup func(string) (string, bool)) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '$' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		name, end := refAt(v, i+1)
		if name == "" {
			b.WriteByte('$')
			continue
		}
		if val, ok := lookup(name); ok {
			b.WriteString(val)
		} else {
			b.WriteString(v[i:end])
		}
		i = end - 1
	}
	return b.String()
}

// refAt reads a reference after a '$' at i: name or {name}, where a name
// is [_a-z][._a-z0-9]* (case-insensitive, as string.Template with
// oslo.config's idpattern). It returns the name and the index after it.
func refAt(v string, i int) (string, int) {
	braced := i < len(v) && v[i] == '{'
	if braced {
		i++
	}
	j := i
	for j < len(v) && (v[j] == '_' || isLetter(v[j]) || (j > i && (v[j] == '.' || isDigit(v[j])))) {
		j++
	}
	if j == i {
		return "", i
	}
	if braced {
		if j >= len(v) || v[j] != '}' {
			return "", i
		}
		return v[i:j], j + 1
	}
	return v[i:j], j
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// FormatDefault writes a decoded JSON default as oslo-config-generator
// writes it in a sample config: "" for None, true/false, integers without
// a fraction, lists joined by ",", dicts as key:value sorted by key.
func FormatDefault(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = FormatDefault(e)
		}
		return strings.Join(parts, ",")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ":" + FormatDefault(x[k])
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}
