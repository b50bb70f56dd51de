package report

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// htmlCell is one cell of the fleet overview: how many findings touch
// a node (or a group of nodes) in one rule category, and the worst of
// their severities ("" when none). Node and Rule are the filter values a
// click on the cell selects.
type htmlCell struct {
	Count      int
	Worst      string
	Node, Rule string
	Title      string
	bySeverity map[string]int
}

// htmlRow is a node, or a group of nodes, of the overview.
type htmlRow struct {
	Name  string
	Value string // filter value: "n:<node>" or "g:<group>"
	Cells []htmlCell
	Total htmlCell
	Nodes []htmlRow // a group's nodes, or in a large group its nodes alike (see alike)
	// Names are the nodes of a row that stands for several nodes alike;
	// Name then says how many and Value selects the first.
	Names []string
}

// htmlLoc is a location with the excerpt of the lines around it.
type htmlLoc struct {
	Position, Where string
	Excerpt         []excerptLine
}

// htmlFinding is one finding of the list.
type htmlFinding struct {
	ID, Severity, Rule, Category, Message string
	Nodes                                 []string
	NodeValues, GroupValues               string // JSON lists of filter values
	Primary                               htmlLoc
	Related                               []htmlLoc
	Suppressed                            *htmlSuppression
}

// suppressedBy words the kinds of finding.Suppression.
func suppressedBy(kind string) string {
	switch kind {
	case "inSource":
		return "an ignore comment"
	case "config":
		return "the configuration"
	case "baseline":
		return "the baseline"
	}
	return finding.Visible(kind)
}

// htmlSuppression says who accepted a finding and why, as printed.
type htmlSuppression struct {
	Kind, Path, Reason string
	Line               int
}

// htmlRuleGroup is the findings of one rule at one severity.
type htmlRuleGroup struct {
	ID, Title, Category, Fix string
	Findings                 []htmlFinding
}

// htmlSection is the findings of one severity (or the suppressed ones).
type htmlSection struct {
	Name, Heading string
	Count         int
	Rules         []htmlRuleGroup
}

// htmlOption is one choice of a filter select; a group's first option
// selects the whole group.
type htmlOption struct {
	Value, Label string
}

// htmlOptGroup is a labelled group of filter choices.
type htmlOptGroup struct {
	Label   string
	Options []htmlOption
}

// relatedWithExcerpt is how many related locations of a finding get an
// excerpt line; the others are listed by position.
const relatedWithExcerpt = 8

// page is everything the template shows, built from a lint result.
type page struct {
	Root, Version       string
	Counts              map[string]int
	Nodes, Files, Total int
	Release, Config     string
	RuleErrors          []string
	Categories          []string
	Groups              []htmlRow
	Sections            []htmlSection
	Suppressed          htmlSection
	RuleOptions         []htmlOptGroup
	NodeOptions         []htmlOptGroup
}

// builder turns a lint result into a page.
type builder struct {
	r       *result.Result
	ex      *excerpts
	catOf   map[string]string
	titles  map[string]string
	fixes   map[string]string
	groupOf map[string]string
	nodes   [][]string
	usedIDs map[string]int
}

// buildPage lays out r for the template: the overview, the findings by
// severity and rule, the filter choices.
func buildPage(r *result.Result) *page {
	b := &builder{r: r, ex: newExcerpts(r.Deployment), titles: map[string]string{}, fixes: map[string]string{}, usedIDs: map[string]int{}}
	cats, catOf := categories(r.Rules)
	b.catOf = catOf
	for _, rule := range r.Rules {
		b.titles[rule.ID] = rule.Title
		b.fixes[rule.ID] = strings.Join(strings.Fields(rule.Remediation), " ")
	}
	b.nodes = findingNodes(r)
	for _, f := range r.Findings {
		if c := b.category(f.Rule); !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	groups, members, groupOf := fleetGroups(r, b.nodes)
	b.groupOf = groupOf
	p := &page{Root: finding.Visible(r.Root), Counts: r.Counts(), Nodes: r.Nodes, Files: r.Files,
		Release: strings.TrimPrefix(releaseNote(r), ", "), Config: configNote(r), Categories: cats}
	p.Total = len(r.Findings) - p.Counts["suppressed"]
	for _, e := range r.RuleErrors {
		p.RuleErrors = append(p.RuleErrors, finding.Visible(e.Error()))
	}
	p.Groups = b.overview(groups, members, cats)
	p.Sections, p.Suppressed = b.sections()
	p.RuleOptions = b.ruleOptions(cats)
	p.NodeOptions = nodeOptions(groups, members)
	return p
}

// category is a rule's category, "other" for a rule that did not run.
func (b *builder) category(rule string) string {
	if c := b.catOf[rule]; c != "" {
		return c
	}
	return "other"
}

// overview counts the unsuppressed findings per node and category, each
// finding once per node it stands for, and per group once per finding.
func (b *builder) overview(groups []string, members map[string][]string, cats []string) []htmlRow {
	col := map[string]int{}
	for i, c := range cats {
		col[c] = i
	}
	rows := map[string]*htmlRow{}
	newRow := func(name, value string) *htmlRow {
		row := &htmlRow{Name: name, Value: value, Cells: make([]htmlCell, len(cats))}
		for i, c := range cats {
			row.Cells[i] = htmlCell{Node: value, Rule: "c:" + c}
		}
		row.Total = htmlCell{Node: value}
		return row
	}
	out := make([]htmlRow, 0, len(groups))
	for _, g := range groups {
		grow := newRow(finding.Visible(g), groupValue(g))
		for _, n := range members[g] {
			rows[n] = newRow(nodeLabel(n), nodeValue(n))
		}
		rows["\x00"+g] = grow
	}
	for i, f := range b.r.Findings {
		if f.Suppressed != nil {
			continue
		}
		c := col[b.category(f.Rule)]
		touched := map[string]bool{}
		for _, n := range b.nodes[i] {
			count(&rows[n].Cells[c], f.Severity)
			count(&rows[n].Total, f.Severity)
			touched[b.groupOf[n]] = true
		}
		for g := range touched {
			count(&rows["\x00"+g].Cells[c], f.Severity)
			count(&rows["\x00"+g].Total, f.Severity)
		}
	}
	for _, g := range groups {
		grow := rows["\x00"+g]
		for _, n := range members[g] {
			grow.Nodes = append(grow.Nodes, *rows[n])
		}
		if len(grow.Nodes) > fullGroup {
			grow.Nodes = alike(grow.Nodes)
		}
		out = append(out, *grow)
	}
	for i := range out {
		titleRow(&out[i], cats)
	}
	return out
}

// count adds a finding of severity s to a cell.
func count(c *htmlCell, s string) {
	c.Count++
	if c.bySeverity == nil {
		c.bySeverity = map[string]int{}
	}
	c.bySeverity[s]++
	if finding.SeverityRank(s) > finding.SeverityRank(c.Worst) {
		c.Worst = s
	}
}

// titleRow words every cell's tooltip: "compute2, endpoints: 2 errors".
func titleRow(row *htmlRow, cats []string) {
	for i := range row.Cells {
		row.Cells[i].Title = cellTitle(row.Name, cats[i], row.Cells[i])
	}
	row.Total.Title = cellTitle(row.Name, "all categories", row.Total)
	for i := range row.Nodes {
		titleRow(&row.Nodes[i], cats)
	}
}

func cellTitle(row, cat string, c htmlCell) string {
	if c.Count == 0 {
		return fmt.Sprintf("%s, %s: no finding", row, cat)
	}
	var parts []string
	for _, s := range finding.Severities() {
		if n := c.bySeverity[s]; n > 0 {
			word := s
			if s != "info" {
				word = plural(n, s)
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, word))
		}
	}
	return fmt.Sprintf("%s, %s: %s", row, cat, strings.Join(parts, ", "))
}

// sections lists the unsuppressed findings by severity, then rule, and
// the suppressed ones by rule.
func (b *builder) sections() ([]htmlSection, htmlSection) {
	heading := map[string]string{"error": "Errors", "warning": "Warnings", "info": "Info"}
	bySev := map[string][]int{}
	var supp []int
	for i, f := range b.r.Findings {
		if f.Suppressed != nil {
			supp = append(supp, i)
			continue
		}
		bySev[f.Severity] = append(bySev[f.Severity], i)
	}
	var out []htmlSection
	for _, s := range finding.Severities() {
		if len(bySev[s]) > 0 {
			out = append(out, htmlSection{Name: s, Heading: heading[s], Count: len(bySev[s]), Rules: b.ruleGroups(bySev[s])})
		}
	}
	return out, htmlSection{Name: "suppressed", Heading: "Suppressed", Count: len(supp), Rules: b.ruleGroups(supp)}
}

// ruleGroups groups findings (indexes of r.Findings, in report order) by
// rule id.
func (b *builder) ruleGroups(idx []int) []htmlRuleGroup {
	byRule := map[string][]int{}
	var ids []string
	for _, i := range idx {
		id := b.r.Findings[i].Rule
		if byRule[id] == nil {
			ids = append(ids, id)
		}
		byRule[id] = append(byRule[id], i)
	}
	sort.Strings(ids)
	out := make([]htmlRuleGroup, 0, len(ids))
	for _, id := range ids {
		g := htmlRuleGroup{ID: id, Title: b.titles[id], Category: b.category(id), Fix: b.fixes[id]}
		for _, i := range byRule[id] {
			g.Findings = append(g.Findings, b.finding(i))
		}
		out = append(out, g)
	}
	return out
}

// finding is one finding with its excerpts, nodes and filter values.
func (b *builder) finding(i int) htmlFinding {
	f := b.r.Findings[i]
	id := "f-" + f.Fingerprint
	b.usedIDs[id]++
	if n := b.usedIDs[id]; n > 1 {
		id = fmt.Sprintf("%s-%d", id, n)
	}
	h := htmlFinding{ID: id, Severity: f.Severity, Rule: f.Rule, Category: b.category(f.Rule), Message: finding.Visible(f.Message)}
	var values, groups []string
	seen := map[string]bool{}
	for _, n := range b.nodes[i] {
		h.Nodes = append(h.Nodes, nodeLabel(n))
		values = append(values, nodeValue(n))
		if g := b.groupOf[n]; !seen[g] {
			seen[g] = true
			groups = append(groups, groupValue(g))
		}
	}
	h.NodeValues, h.GroupValues = jsonList(values), jsonList(groups)
	loc := primary(f)
	h.Primary = htmlLoc{Position: position(loc), Where: strings.TrimSpace(where(loc)), Excerpt: b.ex.around(loc.Path, loc.Line, excerptContext)}
	for j, rel := range f.Locations[min(1, len(f.Locations)):] {
		l := htmlLoc{Position: position(rel), Where: strings.TrimSpace(where(rel))}
		if j < relatedWithExcerpt {
			l.Excerpt = b.ex.around(rel.Path, rel.Line, 0)
		}
		h.Related = append(h.Related, l)
	}
	if f.Suppressed != nil {
		s := f.Suppressed
		h.Suppressed = &htmlSuppression{Kind: suppressedBy(s.Kind), Path: finding.Visible(s.Path), Reason: finding.Visible(s.Reason), Line: s.Line}
	}
	return h
}

// nodeValue and groupValue are the filter values of a node and of a
// group of nodes: names as printed (finding.Visible), so that the script
// compares what the page holds.
func nodeValue(n string) string  { return "n:" + finding.Visible(n) }
func groupValue(g string) string { return "g:" + finding.Visible(g) }

// nodeLabel is a node's name as shown.
func nodeLabel(n string) string {
	if n == "" {
		return "(no node)"
	}
	return finding.Visible(n)
}

// jsonList is a list of strings as a JSON array, for data attributes the
// filter script parses (any node name survives it).
func jsonList(values []string) string {
	b, _ := json.Marshal(values)
	return string(b)
}

// ruleOptions are the rule filter's choices: per category, the whole
// category and then each rule with findings, with counts.
func (b *builder) ruleOptions(cats []string) []htmlOptGroup {
	perRule, perCat := map[string]int{}, map[string]int{}
	byCat := map[string][]string{}
	for _, f := range b.r.Findings {
		c := b.category(f.Rule)
		if perRule[f.Rule] == 0 {
			byCat[c] = append(byCat[c], f.Rule)
		}
		perRule[f.Rule]++
		perCat[c]++
	}
	var out []htmlOptGroup
	for _, c := range cats {
		ids := byCat[c]
		if len(ids) == 0 {
			continue
		}
		sort.Strings(ids)
		g := htmlOptGroup{Label: c, Options: []htmlOption{{Value: "c:" + c, Label: fmt.Sprintf("all %s rules (%d)", c, perCat[c])}}}
		for _, id := range ids {
			g.Options = append(g.Options, htmlOption{Value: "r:" + id, Label: fmt.Sprintf("%s %s (%d)", id, b.titles[id], perRule[id])})
		}
		out = append(out, g)
	}
	return out
}

// nodeOptions are the node filter's choices: per role group, the whole
// group and then each node.
func nodeOptions(groups []string, members map[string][]string) []htmlOptGroup {
	out := make([]htmlOptGroup, 0, len(groups))
	for _, g := range groups {
		name := finding.Visible(g)
		og := htmlOptGroup{Label: name, Options: []htmlOption{{Value: groupValue(g), Label: fmt.Sprintf("all %s (%d %s)", name, len(members[g]), plural(len(members[g]), "node"))}}}
		for _, n := range members[g] {
			og.Options = append(og.Options, htmlOption{Value: nodeValue(n), Label: nodeLabel(n)})
		}
		out = append(out, og)
	}
	return out
}
