package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// Version is the version of the model document's schema, the document's
// "model_version" (an integer): bumped whenever a key is added, removed,
// renamed, made optional or changes its type or values. docs/model.md
// lists each version's changes (Changelog); TestSchemaVersioned fails when
// the described schema (DocSchema) changes without it.
const Version = 1

// Change is what one model_version changed, for rule authors.
type Change struct {
	Version int
	Changes []string
}

// Changelog is every model_version, oldest first (docs/model.md's
// "Changelog"): add an entry when bumping Version.
func Changelog() []Change {
	return []Change{
		{Version: 1, Changes: []string{
			"First versioned document: the keys as of issue 21, and `model_version` itself.",
		}},
	}
}

// Digest is a SHA-256 (hex) of the schema's shape: every key, its kind,
// whether it is optional or nullable, and the values it takes unless they
// are derived from the Go code (file kinds grow with discovery). Docs and
// examples are left out: rewording them is no schema change.
func (s *Schema) Digest() string {
	h := sha256.New()
	for _, name := range s.Order {
		fmt.Fprintf(h, "def %s\n", name)
		writeShape(h, s.Named[name], 1)
	}
	fmt.Fprintln(h, "root")
	writeShape(h, s.Root, 1)
	return hex.EncodeToString(h.Sum(nil))
}

// writeShape writes f's shape, one line per field, indented by depth.
func writeShape(w io.Writer, f *Field, depth int) {
	values := ""
	if f.From == "" {
		values = strings.Join(f.OneOf, "|")
	}
	fmt.Fprintf(w, "%s%s %s opt=%t null=%t ref=%s since=%d values=%s\n",
		strings.Repeat(" ", depth), f.Name, f.Kind, f.Optional, f.Nullable, f.Ref, f.Since, values)
	for _, c := range f.Fields {
		writeShape(w, c, depth+1)
	}
	if f.Elem != nil {
		writeShape(w, f.Elem, depth+1)
	}
}
