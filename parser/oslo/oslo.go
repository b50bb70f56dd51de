// Package oslo parses INI files exactly as oslo.config does.
//
// The behaviour follows oslo_config/iniparser.py and cfg.ConfigParser as
// proved in shared/research/openstack-oracles.md §1 (R1–R17): comments only in
// column 0, no inline comments, indented lines continue the previous value,
// the first of ':' or '=' splits key from value, one pair of matching outer
// quotes is stripped from the first line of a value, every occurrence of a key
// is kept, and section names are normalised (DEFAULT kept, others
// lower-cased). Every value keeps the line and column of its key.
package oslo

// File is one parsed INI file.
type File struct {
	// Sections holds the normalised sections in order of first appearance.
	Sections []*Section
	// Headers lists every section header as written, in file order.
	Headers []Header
	// Comments lists every column-0 comment line, in file order.
	Comments []Comment

	index map[string]*Section
}

// Header is a section header as written in the file.
type Header struct {
	Name string // text between the brackets, verbatim
	Line int
}

// Comment is a full-line comment ('#' or ';' in column 0).
type Comment struct {
	Text string // the line without its comment character, left-stripped
	Line int
}

// Section is a normalised section with its keys in order of first appearance.
type Section struct {
	Name string // normalised name: "DEFAULT" or lower-cased
	Line int    // line of the first header that opened it
	Keys []*Key

	index map[string]*Key
}

// Key is one option name with every value it was given, in file order.
type Key struct {
	Name   string
	Values []Value
}

// Value is one occurrence of a key.
type Value struct {
	Text    string // the value as oslo.config returns it from the file
	Line    int    // line of the key
	Column  int    // 1-based column (in characters) of the key
	EndLine int    // last continuation line of the value
	Header  string // the section name as written in the header above it
}

// Section returns the normalised section with the given name, or nil.
func (f *File) Section(name string) *Section {
	if f == nil {
		return nil
	}
	return f.index[name]
}

// Key returns the key with the given name, or nil.
func (s *Section) Key(name string) *Key {
	if s == nil {
		return nil
	}
	return s.index[name]
}

// Last returns the value a single-valued option would take from this file
// (the last occurrence) and whether the key was present.
func (s *Section) Last(name string) (Value, bool) {
	k := s.Key(name)
	if k == nil || len(k.Values) == 0 {
		return Value{}, false
	}
	return k.Values[len(k.Values)-1], true
}

// NormalizeSection returns the group name oslo.config looks a header up as:
// exactly "DEFAULT" stays, every other name is lower-cased (so "[default]"
// is a group named "default", not DEFAULT).
func NormalizeSection(name string) string {
	if name == "DEFAULT" {
		return name
	}
	return pyLower(name)
}

func (f *File) section(raw string, line int) *Section {
	name := NormalizeSection(raw)
	if s, ok := f.index[name]; ok {
		return s
	}
	s := &Section{Name: name, Line: line, index: map[string]*Key{}}
	f.index[name] = s
	f.Sections = append(f.Sections, s)
	return s
}

func (s *Section) add(name string, v Value) {
	k, ok := s.index[name]
	if !ok {
		k = &Key{Name: name}
		s.index[name] = k
		s.Keys = append(s.Keys, k)
	}
	k.Values = append(k.Values, v)
}
