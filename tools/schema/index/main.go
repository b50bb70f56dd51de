// Command index writes internal/schema/data/index.json.gz, the names-only
// index of every embedded release's schema (schema.BuildIndex), oldest
// release first (internal/release.All). `make schema` runs it after the
// schemas are regenerated.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"

	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/schema"
)

func main() {
	out := "internal/schema/data/index.json.gz"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := write(out); err != nil {
		fmt.Fprintln(os.Stderr, "index:", err)
		os.Exit(1)
	}
}

func write(path string) error {
	var schemas []*schema.Schema
	for _, r := range release.All {
		s, err := schema.Load(r.Name)
		if err != nil {
			continue // no schema embedded for it
		}
		schemas = append(schemas, s)
	}
	b, err := json.Marshal(schema.BuildIndex(schemas))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
