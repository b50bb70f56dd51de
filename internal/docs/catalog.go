package docs

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/stacklint/stacklint/internal/finding"
)

// Catalog is rules/catalog.yaml: the catalog groups stacklint covers and the
// state of every id of them that has no rule of its own.
type Catalog struct {
	Groups []Group           `yaml:"groups"`
	Checks map[string]Status `yaml:"checks"`
}

// Group is one section of the research catalog.
type Group struct {
	Prefix string `yaml:"prefix"`
	Name   string `yaml:"name"`
	IDs    []int  `yaml:"ids"`
}

// Status says why a catalog id has no rule: pending, covered (By names the
// rule that reports it) or not-checked (Why says what it would need).
type Status struct {
	Status string `yaml:"status"`
	Title  string `yaml:"title"`
	Why    string `yaml:"why"`
	By     string `yaml:"by"`
}

// LoadCatalog reads catalog.yaml from the rules tree, strictly.
func LoadCatalog(fsys fs.FS) (*Catalog, error) {
	b, err := fs.ReadFile(fsys, "catalog.yaml")
	if err != nil {
		return nil, err
	}
	var c Catalog
	if err := yaml.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("catalog.yaml: %w", err)
	}
	return &c, nil
}

// Names lists every catalog id of the groups, in catalog order.
func (g Group) Names() []string {
	out := make([]string, len(g.IDs))
	for i, n := range g.IDs {
		out[i] = fmt.Sprintf("%s-%03d", g.Prefix, n)
	}
	return out
}

// coverage renders the catalog section of docs/rules.md: every id of every
// group, implemented or not, and the list of checks a snapshot cannot decide.
func coverage(c *Catalog, rules []finding.Rule) string {
	byID := map[string]finding.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
	}
	var b strings.Builder
	b.WriteString("## Catalog coverage\n\n")
	b.WriteString("Every check of the catalog groups stacklint covers (`rules/catalog.yaml`), and its state.\n\n")
	for _, g := range c.Groups {
		fmt.Fprintf(&b, "### %s\n\n| ID | State | Check |\n|---|---|---|\n", g.Name)
		for _, id := range g.Names() {
			if r, ok := byID[id]; ok {
				fmt.Fprintf(&b, "| [%s](rules/%s.md) | implemented | %s |\n", id, id, r.Title)
				continue
			}
			s := c.Checks[id]
			fmt.Fprintf(&b, "| %s | %s | %s |\n", id, state(s), s.Title)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Not checked, and why\n\n")
	b.WriteString("Checks of these groups that cannot be decided from the files of a snapshot. stacklint\n" +
		"says nothing about them rather than guess.\n\n")
	ids := make([]string, 0, len(c.Checks))
	for id, s := range c.Checks {
		if s.Status == "not-checked" {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := c.Checks[id]
		fmt.Fprintf(&b, "- **%s** %s: %s\n", id, s.Title, strings.TrimSpace(s.Why))
	}
	if len(ids) == 0 {
		b.WriteString("(none)\n")
	}
	return b.String()
}

func state(s Status) string {
	switch s.Status {
	case "covered":
		return fmt.Sprintf("covered by [%s](rules/%s.md)", s.By, s.By)
	case "not-checked":
		return "not checked (see below)"
	}
	return s.Status
}
