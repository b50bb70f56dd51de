// Command gen writes the generated docs into the docs/ directory given as
// its argument (make docs): rule pages and index from METADATA, man pages
// and shell completions from the command tree, the model document's
// reference (model.md) and example (model-example.json) from
// internal/model, the example built from the deployment the docs
// directory's parent holds (modeldoc.ExampleDeployment).
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/docs"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/modeldoc"
	"github.com/stacklint/stacklint/rules"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DOCS_DIR")
		os.Exit(2)
	}
	eng, err := engine.New(context.Background(), rules.FS, engine.Verified())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cat, err := docs.LoadCatalog(rules.FS)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	files := docs.Generate(eng.Rules, cat)
	cmdDocs, err := cli.GeneratedDocs()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, content := range cmdDocs {
		files[name] = content
	}
	modelDocs, err := modeldoc.Files(context.Background(), eng, filepath.Dir(filepath.Clean(os.Args[1])))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, content := range modelDocs {
		files[name] = content
	}
	for name, content := range files {
		p := filepath.Join(os.Args[1], filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
