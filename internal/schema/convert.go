package schema

import (
	"strings"
)

// Convert converts a value as oslo.config's type of the option does
// (oslo_config/types.py) and returns the typed value oslo.config hands the
// service: a string (quotes stripped for a quoted String), a bool, a
// float64 for Integer, Port and Float, nil for an empty number (None), a
// []any for a List (split on commas; a part that fails its item type is
// joined with the next, as List does; a trailing comma dropped), a
// map[string]any for a Dict; the text itself for IP, host and URI types.
// The error is the one Check returns.
func (o *Opt) Convert(v string) (any, error) {
	if o == nil {
		return v, nil
	}
	if err := o.Check(v); err != nil {
		return nil, err
	}
	switch o.Type {
	case "str":
		if o.Quotes != 0 && len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
			return v[1 : len(v)-1], nil
		}
		return v, nil
	case "int", "port", "float":
		s := strings.TrimSpace(v)
		if s == "" {
			return nil, nil
		}
		return parseNumber(s, o.Type != "float")
	case "bool":
		switch strings.ToLower(v) {
		case "true", "1", "on", "yes":
			return true, nil
		}
		return false, nil
	case "list":
		return o.listValue(v)
	case "dict":
		return o.dictValue(v)
	}
	return v, nil
}

// listValue is List.__call__: parts that fail the item type are joined
// with the next part until they pass.
func (o *Opt) listValue(v string) (any, error) {
	s := strings.TrimRight(strings.TrimSpace(v), ",")
	if o.Bounds != 0 {
		s = s[1 : len(s)-1]
	}
	out := []any{}
	if s == "" {
		return out, nil
	}
	parts := strings.Split(s, ",")
	for len(parts) > 0 {
		item := parts[0]
		parts = parts[1:]
		for {
			x, err := o.Item.Convert(strings.TrimSpace(item))
			if err == nil {
				out = append(out, x)
				break
			}
			if len(parts) == 0 {
				return nil, err
			}
			item += "," + parts[0]
			parts = parts[1:]
		}
	}
	return out, nil
}

// dictValue is Dict.__call__: key:value pairs, the value converted by the
// value type, a part that fails joined with the next.
func (o *Opt) dictValue(v string) (any, error) {
	s := strings.TrimSpace(v)
	if o.Bounds != 0 {
		s = s[1 : len(s)-1]
	}
	out := map[string]any{}
	if s == "" {
		return out, nil
	}
	parts := strings.Split(s, ",")
	for len(parts) > 0 {
		pair := parts[0]
		parts = parts[1:]
		for {
			k, val, ok := strings.Cut(pair, ":")
			if ok {
				if x, err := o.Value.Convert(strings.TrimSpace(val)); err == nil {
					out[strings.TrimSpace(k)] = x
					break
				}
			}
			if len(parts) == 0 {
				return nil, o.Check(v)
			}
			pair += "," + parts[0]
			parts = parts[1:]
		}
	}
	return out, nil
}
