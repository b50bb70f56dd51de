package lint

import (
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/parser/oslo"
)

// writtenValues looks up what the files hold at a finding's location: every
// value of an INI option (section and key), an rc variable's value (key),
// the arguments of the directives on the location's line; nil for a file
// not loaded or a location none of these name. Secrets among them are
// only compared (ambiguous), never shown.
func writtenValues(files []*model.Loaded) func(finding.Location) []string {
	byPath := make(map[string]*model.Loaded, len(files))
	for _, f := range files {
		if f != nil && f.File != nil {
			byPath[f.Path] = f
		}
	}
	return func(l finding.Location) []string {
		f := byPath[l.Path]
		switch {
		case f == nil:
			return nil
		case f.INI != nil && l.Key != "":
			return iniValues(f.INI, l.Section, l.Key)
		case f.RC != nil && l.Key != "":
			if v := f.RC.Get(l.Key); v != nil {
				return []string{v.Value}
			}
		case len(f.Directives) > 0 && l.Line > 0:
			var out []string
			for _, d := range f.Directives {
				if d.Line == l.Line {
					out = append(out, strings.Join(d.Args, " "))
				}
			}
			return out
		}
		return nil
	}
}

// iniValues is every value of [section] key in an INI file, the section
// as written or as oslo.config names it.
func iniValues(f *oslo.File, section, key string) []string {
	s := f.Section(section)
	if s == nil {
		s = f.Section(oslo.NormalizeSection(section))
	}
	k := s.Key(key)
	if k == nil {
		return nil
	}
	out := make([]string, len(k.Values))
	for i, v := range k.Values {
		out[i] = v.Text
	}
	return out
}
