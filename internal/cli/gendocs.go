package cli

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// manDate is the date man pages carry: fixed, so regenerating them is
// deterministic and `make test` can tell when they drift.
var manDate = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// GeneratedDocs renders the man pages (man/<command>.1) and the shell
// completions (completions/stacklint.{bash,zsh,fish}) from the command tree,
// keyed by path below docs/.
func GeneratedDocs() (map[string]string, error) {
	root := NewRootCommand(BuildInfo{Version: "dev"}, IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	root.DisableAutoGenTag = true
	out := map[string]string{}
	header := &doc.GenManHeader{Title: "STACKLINT", Section: "1", Date: &manDate, Source: "stacklint", Manual: "stacklint manual"}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		c.DisableAutoGenTag = true
		var b bytes.Buffer
		if err := doc.GenMan(c, header, &b); err != nil {
			return err
		}
		out["man/"+strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = b.String()
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return nil, err
	}
	for shell, gen := range map[string]func(*bytes.Buffer) error{
		"bash": func(b *bytes.Buffer) error { return root.GenBashCompletionV2(b, true) },
		"zsh":  func(b *bytes.Buffer) error { return root.GenZshCompletion(b) },
		"fish": func(b *bytes.Buffer) error { return root.GenFishCompletion(b, true) },
	} {
		var b bytes.Buffer
		if err := gen(&b); err != nil {
			return nil, fmt.Errorf("%s completion: %w", shell, err)
		}
		out["completions/stacklint."+shell] = b.String()
	}
	return out, nil
}
