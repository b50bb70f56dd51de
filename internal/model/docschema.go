package model

// Kind is the JSON type of a value of the model document.
type Kind string

// The kinds of values: an object has the fixed keys of Field.Fields; a map
// has keys of one meaning (node names, paths, ...) and values of
// Field.Elem; a list holds values of Field.Elem; a ref is a value of the
// named definition Field.Ref; any is not described further (a rule
// parameter's value).
const (
	KindObject Kind = "object"
	KindMap    Kind = "map"
	KindList   Kind = "list"
	KindString Kind = "string"
	KindInt    Kind = "int"
	KindBool   Kind = "bool"
	KindAny    Kind = "any"
	KindRef    Kind = "ref"
)

// Field describes one value of the model document: a key of an object
// (Name set), the values of a map or the elements of a list (Name empty).
type Field struct {
	Name     string   // the key in its object; empty for a map's values and a list's elements
	Kind     Kind     // its JSON type
	Doc      string   // what it is and where it comes from, for rule authors
	Since    int      // the model_version that added it (0: 1)
	Optional bool     // absent when it does not apply; a required key is in every instance of its object
	Nullable bool     // may be null
	OneOf    []string // the string values it takes (empty: any string)
	From     string   // where OneOf comes from in the Go code, when derived
	Keys     string   // a map: what its keys are
	Example  string   // a typical value, as JSON
	Fields   []*Field // an object's keys, in the order documented
	Elem     *Field   // a map's values, a list's elements
	Ref      string   // a ref: the name of its definition
}

// Schema is the description of the model document: the document's root
// object and the named definitions refs point to (several places share
// them, or they nest in themselves: a policy's AST).
type Schema struct {
	Root  *Field
	Named map[string]*Field
	Order []string // Named's names, in the order documented
}

// Resolve is f, or the named definition f refers to.
func (s *Schema) Resolve(f *Field) *Field {
	if f.Kind == KindRef {
		return s.Named[f.Ref]
	}
	return f
}

// field constructors: each returns a new *Field, so a tree shares nothing.

func obj(doc string, fields ...*Field) *Field {
	return &Field{Kind: KindObject, Doc: doc, Fields: fields}
}

func mapOf(keys string, elem *Field, doc string) *Field {
	return &Field{Kind: KindMap, Keys: keys, Elem: elem, Doc: doc}
}

func listOf(elem *Field, doc string) *Field {
	return &Field{Kind: KindList, Elem: elem, Doc: doc}
}

func str(doc string) *Field      { return &Field{Kind: KindString, Doc: doc} }
func integer(doc string) *Field  { return &Field{Kind: KindInt, Doc: doc} }
func boolean(doc string) *Field  { return &Field{Kind: KindBool, Doc: doc} }
func anyValue(doc string) *Field { return &Field{Kind: KindAny, Doc: doc} }
func ref(name string) *Field     { return &Field{Kind: KindRef, Ref: name} }

// oneOf is a string field taking the values given.
func oneOf(doc string, values ...string) *Field {
	return &Field{Kind: KindString, Doc: doc, OneOf: values}
}

// strings is a list of strings.
func strs(doc string) *Field { return listOf(str(""), doc) }

// key names f as a required key of its object.
func key(name string, f *Field) *Field {
	f.Name = name
	return f
}

// opt names f as an optional key of its object.
func opt(name string, f *Field) *Field {
	f.Name, f.Optional = name, true
	return f
}

// ex sets f's example (JSON).
func ex(f *Field, example string) *Field {
	f.Example = example
	return f
}
