// Package docs renders the rule reference (docs/rules.md and
// docs/rules/<id>.md) from the rules' METADATA, the single source of truth.
package docs

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
)

// Generate returns every generated docs file by its path below docs/.
func Generate(rules []finding.Rule, c *Catalog) map[string]string {
	out := map[string]string{"rules.md": index(rules) + "\n" + coverage(c, rules)}
	for _, r := range rules {
		out["rules/"+r.ID+".md"] = page(r)
	}
	return out
}

const header = "<!-- Generated from the rules' METADATA by `make docs`; do not edit. -->\n\n"

func index(rules []finding.Rule) string {
	var b strings.Builder
	b.WriteString(header + "# stacklint rules\n\n")
	b.WriteString("Every rule stacklint runs, generated from each rule's `# METADATA` block.\n\n")
	b.WriteString("| ID | Severity | Category | Title |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](rules/%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, r.Category, r.Title)
	}
	return b.String()
}

func page(r finding.Rule) string {
	var b strings.Builder
	b.WriteString(header)
	fmt.Fprintf(&b, "# %s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "- **Severity:** %s\n- **Category:** %s\n- **Reads:** %s\n- **Scope:** %s\n- **Source:** [`rules/%s`](../../rules/%s)\n\n",
		r.Severity, r.Category, inputs(r.Inputs), scope(r.Scope), path.Dir(r.File), path.Dir(r.File))
	fmt.Fprintf(&b, "## What it checks\n\n%s\n\n", strings.TrimSpace(r.Description))
	fmt.Fprintf(&b, "## How to fix\n\n%s\n\n", strings.TrimSpace(r.Remediation))
	if len(r.Params) > 0 {
		b.WriteString("## Parameters\n\nSet in `.stacklint.yaml` under `rules.")
		b.WriteString(r.ID + ".params`.\n\n| Name | Default |\n|---|---|\n")
		for _, k := range slices.Sorted(maps.Keys(r.Params)) {
			fmt.Fprintf(&b, "| `%s` | `%v` |\n", k, r.Params[k])
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "Suppress one finding with `# stacklint:ignore %s <reason>` on the line above the key, or an `ignores` entry in `.stacklint.yaml`.\n\n", r.ID)
	fmt.Fprintf(&b, "Run `stacklint explain %s` for this text in a terminal.\n", r.ID)
	return b.String()
}

// inputs names what a rule reads, for its page.
func inputs(in []string) string {
	out := make([]string, len(in))
	for i, k := range in {
		switch k {
		case "any":
			out[i] = "every snapshot"
		case "config":
			out[i] = "any service configuration file"
		case "rc":
			out[i] = "rc files"
		default:
			out[i] = "`" + k + "`"
		}
	}
	return strings.Join(out, ", ")
}

// scope says how the engine evaluates a rule (finding.Rule.Scope).
func scope(s string) string {
	switch s {
	case finding.ScopeNode:
		return "node (evaluated on each node's part of the model alone)"
	case finding.ScopeAggregate:
		return "aggregate (records taken from each node's part, compared over the whole deployment)"
	}
	return "fleet (evaluated on the whole deployment: it compares nodes)"
}
