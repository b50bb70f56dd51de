package model

import (
	"strings"

	"github.com/stacklint/stacklint/parser/oslo"
)

// substitute applies oslo.config's $-substitution to value read in group
// (string.Template, idpattern [_a-z][._a-z0-9]* case-insensitive, "$$" and
// "\$" escape). A bare $name is looked up in the option's own group, then
// DEFAULT; $g.o in group g. Names that the file does not set are returned in
// missing (oslo.config gives ” for a registered option without a value and
// fails for an unknown one; which it is needs the option schema).
func substitute(f *oslo.File, group, value string, depth int) (out string, missing []string) {
	if !strings.Contains(value, "$") || depth > 8 {
		return value, nil
	}
	var b strings.Builder
	for i := 0; i < len(value); i++ {
		c := value[i]
		if c == '\\' && i+1 < len(value) && value[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if c != '$' || i+1 >= len(value) {
			b.WriteByte(c)
			continue
		}
		name, n := templateName(value[i+1:])
		switch {
		case value[i+1] == '$':
			b.WriteByte('$')
			i++
		case n == 0:
			b.WriteByte('$')
		default:
			v, ok := lookup(f, group, name)
			if !ok {
				missing = append(missing, name)
			}
			v, more := substitute(f, group, v, depth+1)
			missing = append(missing, more...)
			b.WriteString(v)
			i += n
		}
	}
	return b.String(), missing
}

// templateName reads an identifier ("name" or "{name}") after a '$' and
// returns it with the number of bytes consumed, or n == 0 when none.
func templateName(s string) (string, int) {
	if strings.HasPrefix(s, "{") {
		end := strings.IndexByte(s, '}')
		if end > 1 && identLen(s[1:end]) == end-1 {
			return s[1:end], end + 1
		}
		return "", 0
	}
	n := identLen(s)
	return s[:n], n
}

func identLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // lower-case ASCII letters
		isAlpha := c >= 'a' && c <= 'z' || s[i] == '_'
		if i == 0 && !isAlpha {
			return 0
		}
		isDigit := s[i] >= '0' && s[i] <= '9'
		if !isAlpha && !isDigit && s[i] != '.' {
			return i
		}
	}
	return len(s)
}

func lookup(f *oslo.File, group, name string) (string, bool) {
	if g, opt, ok := strings.Cut(name, "."); ok {
		v, found := f.Section(oslo.NormalizeSection(g)).Last(opt)
		return v.Text, found
	}
	if v, ok := f.Section(group).Last(name); ok {
		return v.Text, true
	}
	v, ok := f.Section("DEFAULT").Last(name)
	return v.Text, ok
}

// templateRefs reports whether a value names options the way oslo.config
// substitutes them ($name or ${group.name}, not $$ or \$), and whether one
// of them does not exist (oslo.config then fails to start the service).
func templateRefs(f *oslo.File, group, value string) (refs, missing bool) {
	for i := 0; i < len(value)-1; i++ {
		switch {
		case value[i] == '\\' && value[i+1] == '$', value[i] == '$' && value[i+1] == '$':
			i++
		case value[i] == '$':
			if name, n := templateName(value[i+1:]); n > 0 {
				refs = true
				if _, ok := lookup(f, group, name); !ok {
					missing = true
				}
			}
		}
	}
	return refs, missing
}
