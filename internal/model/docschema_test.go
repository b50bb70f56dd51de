package model

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// versionsFile records the schema digest of every model_version.
const versionsFile = "testdata/schema-versions.txt"

// recordedVersions reads versionsFile: version -> digest, and the last
// version.
func recordedVersions(t *testing.T) (map[int]string, int) {
	t.Helper()
	data, err := os.ReadFile(versionsFile)
	if err != nil {
		t.Fatal(err)
	}
	out, last := map[int]string{}, 0
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		v, digest, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n != last+1 {
			t.Fatalf("%s: bad line %q (want \"VERSION DIGEST\", versions in order)", versionsFile, line)
		}
		out[n], last = digest, n
	}
	return out, last
}

// TestSchemaVersioned: the described schema's digest is the one recorded
// for model.Version, every version has a changelog entry, and no field is
// newer than the version. Changing DocSchema's shape without bumping
// Version fails here.
func TestSchemaVersioned(t *testing.T) {
	s := DocSchema()
	digest := s.Digest()
	recorded, last := recordedVersions(t)
	next := strconv.Itoa(Version+1) + " " + digest
	switch {
	case last != Version:
		t.Errorf("model.Version is %d but %s ends at %d: append the line %q", Version, versionsFile, last, strconv.Itoa(Version)+" "+digest)
	case recorded[Version] != digest:
		t.Errorf("the model document's schema (model.DocSchema) changed since model_version %d was recorded: "+
			"bump model.Version to %d, add a line saying what changed to model.Changelog, "+
			"append %q to internal/model/%s, and run `make docs`", Version, Version+1, next, versionsFile)
	}
	log := Changelog()
	if len(log) != Version {
		t.Errorf("model.Changelog has %d entries, want one per version up to %d", len(log), Version)
	}
	for i, c := range log {
		if c.Version != i+1 || len(c.Changes) == 0 {
			t.Errorf("model.Changelog[%d] = version %d with %d changes, want version %d and a change", i, c.Version, len(c.Changes), i+1)
		}
	}
	walkFields(s, func(path string, f *Field) {
		if f.Since > Version {
			t.Errorf("%s: since model_version %d, newer than model.Version %d", path, f.Since, Version)
		}
	})
}

// TestDigestSeesShapeNotWords: the digest changes with a key's name, kind
// or optionality, not with its description.
func TestDigestSeesShapeNotWords(t *testing.T) {
	base := DocSchema().Digest()
	reworded := DocSchema()
	reworded.Root.Fields[0].Doc = "something else"
	if reworded.Digest() != base {
		t.Error("a description changed the digest")
	}
	for name, change := range map[string]func(*Schema){
		"renamed":  func(s *Schema) { s.Named["file"].Fields[0].Name = "kind2" },
		"optional": func(s *Schema) { s.Named["node"].Fields[0].Optional = true },
		"added":    func(s *Schema) { s.Named["url"].Fields = append(s.Named["url"].Fields, opt("new", str(""))) },
		"retyped":  func(s *Schema) { s.Root.Fields[0].Kind = KindString },
	} {
		s := DocSchema()
		change(s)
		if s.Digest() == base {
			t.Errorf("%s: the digest did not change", name)
		}
	}
}

// TestSchemaWellFormed: every ref names a definition, every object's keys
// are unique and named, every map and list has its element, every
// definition is used.
func TestSchemaWellFormed(t *testing.T) {
	s := DocSchema()
	used := map[string]bool{}
	walkFields(s, func(path string, f *Field) {
		switch f.Kind {
		case KindRef:
			if s.Named[f.Ref] == nil {
				t.Errorf("%s: refers to undefined %q", path, f.Ref)
			}
			used[f.Ref] = true
		case KindMap, KindList:
			if f.Elem == nil {
				t.Errorf("%s: a %s without element", path, f.Kind)
			}
		case KindObject:
			names := map[string]bool{}
			for _, c := range f.Fields {
				if c.Name == "" || names[c.Name] {
					t.Errorf("%s: key %q empty or repeated", path, c.Name)
				}
				names[c.Name] = true
			}
		}
	})
	for _, name := range s.Order {
		if !used[name] {
			t.Errorf("definition %s is never used", name)
		}
	}
}

// walkFields calls fn with every field of s and a path naming it.
func walkFields(s *Schema, fn func(path string, f *Field)) {
	var walk func(path string, f *Field)
	walk = func(path string, f *Field) {
		fn(path, f)
		for _, c := range f.Fields {
			walk(path+"."+c.Name, c)
		}
		if f.Elem != nil {
			walk(path+"[]", f.Elem)
		}
	}
	for _, name := range s.Order {
		walk(name, s.Named[name])
	}
	walk("input", s.Root)
}
