package diff

import (
	"encoding/json"
	"io"
)

// JSON writes d as one indented JSON document (the Diff type's tags are
// the schema, "version" first; lists are never null).
func JSON(w io.Writer, d *Diff) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	return e.Encode(d)
}
