package model

import (
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

// substitute applies oslo.config's $-substitution to value read in group
// (string.Template, idpattern [_a-z][._a-z0-9]* case-insensitive, "$$" and
// "\$" escape). A bare $name is looked up in the option's own group, then
// DEFAULT; $g.o in group g. Names that the file does not set are returned in
// missing (oslo.config gives ” for a registered option without a value and
// fails for an unknown one; which it is needs the option schema).
func substitute(f *oslo.File, group, value string) (out string, missing []string) {
	r := substituteSpans(f, group, value, nil)
	return r.Text, r.Missing
}

// substitution is the result of $-substitution with where the text came
// from: Secret locates the parts inserted from secret options, so that
// they are rendered as fingerprints ("!_${neutron.password}_!").
type substitution struct {
	Text      string
	Missing   []string
	Secret    []secret.Span
	Truncated bool // a bound was reached (see FileBudget)
}

// Substitution is bounded: nested references are followed 8 levels deep
// (oslo.config recurses until Python's limit), a value stops growing at
// maxSubstituted bytes or maxLookups references (a chain of options each
// naming the previous one several times grows exponentially), and all the
// values of one file share a budget of FileBudget bytes (10,000 options
// naming one 1 MB value would otherwise write 10 GB). A value cut short is
// marked Truncated.
const (
	maxSubstituted = 1 << 20
	maxLookups     = 10000
	// FileBudget is the bytes substitution may write for one file's values.
	FileBudget = 16 << 20
)

// substituteSpans is substitute with the spans of secret text; isSecret
// (nil: nothing is secret) tells whether option name of group is secret;
// budget (nil: a fresh FileBudget) is decremented by the bytes written.
func substituteSpans(f *oslo.File, group, value string, isSecret func(group, name string) bool, budget ...*int) substitution {
	s := &substituter{f: f, isSecret: isSecret, budget: new(int)}
	*s.budget = FileBudget
	if len(budget) > 0 && budget[0] != nil {
		s.budget = budget[0]
	}
	var b strings.Builder
	s.expand(&b, group, value, 0)
	return substitution{Text: b.String(), Missing: s.missing, Secret: s.spans, Truncated: s.full}
}

type substituter struct {
	f        *oslo.File
	isSecret func(group, name string) bool
	missing  []string
	spans    []secret.Span
	lookups  int
	budget   *int
	full     bool // a bound was reached: the text is cut short
}

// put writes text within the bounds; s.full records that it was cut.
func (s *substituter) put(b *strings.Builder, text string) {
	room := min(maxSubstituted-b.Len(), *s.budget)
	if len(text) >= room {
		text, s.full = text[:max(room, 0)], true
	}
	b.WriteString(text)
	*s.budget -= len(text)
}

func (s *substituter) expand(b *strings.Builder, group, value string, depth int) {
	if !strings.Contains(value, "$") || depth > 8 || s.lookups > maxLookups {
		s.put(b, value)
		return
	}
	for i := 0; i < len(value) && !s.full; i++ {
		c := value[i]
		if c == '\\' && i+1 < len(value) && value[i+1] == '$' {
			s.put(b, "$")
			i++
			continue
		}
		if c != '$' || i+1 >= len(value) {
			i = s.literal(b, value, i)
			continue
		}
		name, n := templateName(value[i+1:])
		switch {
		case value[i+1] == '$':
			s.put(b, "$")
			i++
		case n == 0:
			s.put(b, "$")
		default:
			s.insert(b, group, name, depth)
			i += n
		}
	}
}

// literal writes the run of plain text of value that starts at i (up to
// the next '$' or '\\') and returns the index of its last byte.
func (s *substituter) literal(b *strings.Builder, value string, i int) int {
	j := i + 1
	for j < len(value) && value[j] != '$' && value[j] != '\\' {
		j++
	}
	s.put(b, value[i:j])
	return j - 1
}

// insert writes the substituted value of name; a secret option's value is
// recorded as one secret span.
func (s *substituter) insert(b *strings.Builder, group, name string, depth int) {
	s.lookups++
	v, g, ok := lookupIn(s.f, group, name)
	if !ok {
		s.missing = append(s.missing, name)
	}
	start := b.Len()
	s.expand(b, g, v, depth+1)
	_, opt, dotted := strings.Cut(name, ".")
	if !dotted {
		opt = name
	}
	if s.isSecret != nil && b.Len() > start && s.isSecret(g, opt) {
		text := b.String()[start:]
		n := 0
		for _, sp := range s.spans {
			if sp.Start < start {
				s.spans[n] = sp // spans inside the secret are folded into it
				n++
			}
		}
		s.spans = append(s.spans[:n], secret.Span{Start: start, End: b.Len(), Value: text})
	}
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
	v, _, ok := lookupIn(f, group, name)
	return v, ok
}

// lookupIn finds the value a reference names and the group it was found
// in (for a bare name: the referring group, else DEFAULT).
func lookupIn(f *oslo.File, group, name string) (string, string, bool) {
	if g, opt, ok := strings.Cut(name, "."); ok {
		g = oslo.NormalizeSection(g)
		v, found := f.Section(g).Last(opt)
		return v.Text, g, found
	}
	if v, ok := f.Section(group).Last(name); ok {
		return v.Text, group, true
	}
	v, ok := f.Section("DEFAULT").Last(name)
	return v.Text, "DEFAULT", ok
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
