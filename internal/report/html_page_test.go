package report

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stacklint/stacklint/internal/finding"
)

// parsePage parses a page as a browser does (golang.org/x/net/html).
func parsePage(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// elements returns every element below n, in document order, for which
// keep is true.
func elements(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

func tagClass(tag, class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag && (class == "" || hasClass(n, class)) }
}

// text is the text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// TestHTMLSelfContained: the demo's page loads nothing: no element that
// fetches (link, img, iframe, object, embed, base, audio, video, source),
// no src, href, action or similar attribute but a fragment (#...), no
// @import or url( in its style, and a Content-Security-Policy that allows
// nothing but the page's own style and script, whose hashes it names.
func TestHTMLSelfContained(t *testing.T) {
	doc := parsePage(t, renderHTML(t, demoResult(t)))
	fetching := []string{"link", "img", "iframe", "frame", "object", "embed", "base", "audio", "video", "source", "track", "picture", "svg", "image"}
	for _, n := range elements(doc, func(n *html.Node) bool { return slices.Contains(fetching, n.Data) }) {
		t.Errorf("a <%s> element", n.Data)
	}
	urlAttrs := []string{"src", "href", "action", "formaction", "poster", "data", "srcset", "background", "ping", "xlink:href", "manifest", "cite", "style"}
	for _, n := range elements(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if slices.Contains(urlAttrs, strings.ToLower(a.Key)) && (a.Key == "style" || !strings.HasPrefix(a.Val, "#")) {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	styles := elements(doc, tagClass("style", ""))
	scripts := elements(doc, tagClass("script", ""))
	if len(styles) != 1 || len(scripts) != 1 {
		t.Fatalf("%d style and %d script elements, want one each", len(styles), len(scripts))
	}
	style, script := text(styles[0]), text(scripts[0])
	for _, bad := range []string{"@import", "url(", "http:", "https:", "//"} {
		if strings.Contains(style, bad) {
			t.Errorf("the style sheet holds %q", bad)
		}
	}
	for _, bad := range []string{"fetch(", "XMLHttpRequest", "import(", "WebSocket", "EventSource", "sendBeacon", ".src", "http:", "https:", "eval(", "innerHTML"} {
		if strings.Contains(script, bad) {
			t.Errorf("the script holds %q", bad)
		}
	}
	if _, ok := attr(scripts[0], "src"); ok {
		t.Error("the script has a src")
	}
	metas := elements(doc, func(n *html.Node) bool {
		v, _ := attr(n, "http-equiv")
		return n.Data == "meta" && strings.EqualFold(v, "Content-Security-Policy")
	})
	if len(metas) != 1 {
		t.Fatalf("%d CSP meta elements", len(metas))
	}
	policy, _ := attr(metas[0], "content")
	for _, want := range []string{"default-src 'none'", "style-src '" + sha(style) + "'", "script-src '" + sha(script) + "'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("CSP %q lacks %q", policy, want)
		}
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// overviewCells maps "row|column" to the cell's class and count, for
// every cell of the fleet table.
func overviewCells(t *testing.T, doc *html.Node) map[string][2]string {
	t.Helper()
	tables := elements(doc, tagClass("table", "fleet"))
	if len(tables) != 1 {
		t.Fatalf("%d overview tables", len(tables))
	}
	var cols []string
	for _, th := range elements(tables[0], tagClass("th", "cat")) {
		cols = append(cols, text(th))
	}
	out := map[string][2]string{}
	for _, tr := range elements(tables[0], tagClass("tr", "")) {
		names := elements(tr, tagClass("th", "name"))
		cells := elements(tr, tagClass("td", "c"))
		if len(names) != 1 || len(cells) == 0 {
			continue
		}
		if len(cells) != len(cols) {
			t.Fatalf("row %s: %d cells for %d columns", rowName(names[0]), len(cells), len(cols))
		}
		for i, td := range cells {
			class, _ := attr(td, "class")
			out[rowName(names[0])+"|"+cols[i]] = [2]string{strings.TrimPrefix(class, "c "), text(td)}
		}
	}
	return out
}

// rowName is the name of an overview row: its summary when it stands for
// several nodes.
func rowName(th *html.Node) string {
	if s := elements(th, tagClass("summary", "")); len(s) == 1 {
		return text(s[0])
	}
	return text(th)
}

// TestHTMLDemoStructure: the demo's page shows the overview (compute1 and
// compute2 under compute, controller under controller + network; cells
// coloured by the worst severity with their counts), every finding once
// with its rule, severity and nodes, visible without the script (the
// filter controls are hidden until it runs), and excerpts as parsed
// with the secrets as the fingerprints the messages name.
func TestHTMLDemoStructure(t *testing.T) {
	res := demoResult(t)
	doc := parsePage(t, renderHTML(t, res))
	cells := overviewCells(t, doc)
	for key, want := range map[string][2]string{
		"compute|endpoints":          {"error", "2"},
		"compute2|endpoints":         {"error", "2"},
		"compute1|endpoints":         {"clean", ""},
		"compute1|network":           {"error", "1"},
		"compute|total":              {"error", "5"},
		"controller + network|nova":  {"info", "1"},
		"controller|policy":          {"error", "6"},
		"controller|credentials":     {"error", "1"},
		"controller + network|total": {"error", "8"},
		"controller|database":        {"clean", ""},
	} {
		if got, ok := cells[key]; !ok || got != want {
			t.Errorf("overview %s: %v, want %v", key, got, want)
		}
	}
	articles := elements(doc, tagClass("article", "finding"))
	if len(articles) != len(res.Findings) {
		t.Fatalf("%d finding entries for %d findings", len(articles), len(res.Findings))
	}
	for _, a := range articles {
		if _, hidden := attr(a, "hidden"); hidden {
			t.Errorf("finding %s hidden without the script", text(a))
		}
		var nodes []string
		v, _ := attr(a, "data-nodes")
		if err := json.Unmarshal([]byte(v), &nodes); err != nil || len(nodes) != 1 {
			t.Errorf("data-nodes %q: %v", v, err)
		}
	}
	forms := elements(doc, tagClass("form", "filters"))
	if _, hidden := attr(forms[0], "hidden"); len(forms) != 1 || !hidden {
		t.Error("the filter controls show without the script")
	}
	pass := findingEntry(t, doc, "SL-PASS-003")
	at := elements(pass, tagClass("div", "at"))
	if len(at) != 2 || text(at[0]) != "49password = fp:01581e" || text(at[1]) != "21password = fp:071665" {
		t.Errorf("SL-PASS-003's excerpts: %q", texts(at))
	}
	msg := text(elements(pass, tagClass("p", "msg"))[0])
	if !strings.Contains(msg, "fp:01581e") || !strings.Contains(msg, "fp:071665") {
		t.Errorf("the message names other fingerprints than the excerpts: %s", msg)
	}
	if got := texts(elements(pass, tagClass("span", "fp"))); !slices.Equal(got, []string{"fp:01581e", "fp:071665"}) {
		t.Errorf("fingerprints marked: %q", got)
	}
	if lines := elements(findingEntry(t, doc, "SL-EP-005"), tagClass("div", "line")); len(lines) != 5+1 {
		t.Errorf("SL-EP-005: %d excerpt lines, want 5 around line 32 and 1 for the related location: %q", len(lines), texts(lines))
	}
}

// findingEntry is the one finding entry of a rule.
func findingEntry(t *testing.T, doc *html.Node, rule string) *html.Node {
	t.Helper()
	found := elements(doc, func(n *html.Node) bool {
		v, _ := attr(n, "data-rule")
		return n.Data == "article" && v == rule
	})
	if len(found) != 1 {
		t.Fatalf("%d entries of %s", len(found), rule)
	}
	return found[0]
}

func texts(ns []*html.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = text(n)
	}
	return out
}

// TestHTMLEscapes: text from the snapshot is text on the page: the
// fixture's message "<fail>" and its control characters make no element,
// and no raw control character is left.
func TestHTMLEscapes(t *testing.T) {
	var b strings.Builder
	if err := (HTML{}).Report(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	doc := parsePage(t, b.String())
	if n := elements(doc, tagClass("fail", "")); len(n) > 0 {
		t.Error("a message made a <fail> element")
	}
	if !strings.Contains(text(doc), "401 & <fail>, \"always\" 100%") {
		t.Error("the message is not shown as written")
	}
	for _, r := range b.String() {
		if r < 0x20 && r != '\n' || r == 0x7f || r == '\u202e' {
			t.Fatalf("raw %U in the page", r)
		}
	}
}

// TestHTMLFoldedFindingCountsOnEveryNode: a finding lint folded over
// three computes (its lead on c1, the reference copy on ctl) counts on
// each of them in the overview, once in their group's row, and not on
// the reference's node; its entry names the three nodes for the filter.
func TestHTMLFoldedFindingCountsOnEveryNode(t *testing.T) {
	loc := func(node string) finding.Location {
		return finding.Location{Path: node + "/etc/nova/nova.conf", Node: node, Line: 4, Column: 1, Section: "neutron", Key: "password"}
	}
	ref := finding.Location{Path: "ctl/etc/neutron/neutron.conf", Node: "ctl", Line: 9, Column: 1, Section: "keystone_authtoken", Key: "password"}
	member := func(node, fp string) finding.Finding {
		return finding.Finding{Rule: "SL-PASS-003", Severity: "error", Fingerprint: fp, Message: "differs on " + node, Locations: []finding.Location{loc(node), ref}}
	}
	lead := member("c1", "aaaa")
	lead.Message += " (the same on 2 more compute nodes: c2, c3)"
	lead.Locations = append(lead.Locations, loc("c2"), loc("c3"))
	r := fixture()
	r.Findings = []finding.Finding{lead}
	r.Unfolded = []finding.Finding{member("c1", "aaaa"), member("c2", "bbbb"), member("c3", "cccc")}
	r.Roles = map[string]string{"c1": "compute", "c2": "compute", "c3": "compute", "ctl": "controller", "c10": "compute"}
	var b strings.Builder
	if err := (HTML{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	doc := parsePage(t, b.String())
	cells := overviewCells(t, doc)
	for key, want := range map[string][2]string{
		"compute|credentials": {"error", "1"}, "c1|credentials": {"error", "1"}, "c2|credentials": {"error", "1"},
		"c3|credentials": {"error", "1"}, "c10|credentials": {"clean", ""}, "ctl|credentials": {"clean", ""},
		"controller|total": {"clean", ""},
	} {
		if got := cells[key]; got != want {
			t.Errorf("overview %s: %v, want %v", key, got, want)
		}
	}
	var rows []string
	for _, th := range elements(doc, tagClass("th", "name")) {
		rows = append(rows, text(th))
	}
	if want := []string{"node", "compute", "c1", "c2", "c3", "c10", "controller", "ctl"}; !slices.Equal(rows, want) {
		t.Errorf("overview rows %q, want %q", rows, want)
	}
	v, _ := attr(findingEntry(t, doc, "SL-PASS-003"), "data-nodes")
	if v != `["n:c1","n:c2","n:c3"]` {
		t.Errorf("data-nodes %s", v)
	}
}

// TestHTMLLargeGroupMergesNodesAlike: in a group of more than 12 nodes,
// nodes whose cells are all the same share a row that names them (one
// fault on three computes is one row, the computes without a finding
// another, last); a small group shows every node.
func TestHTMLLargeGroupMergesNodesAlike(t *testing.T) {
	r := fixture()
	r.Roles = map[string]string{"ctl": "controller", "x1": "controller"}
	for i := range 13 {
		r.Roles[fmt.Sprintf("c%d", i)] = "compute"
	}
	loc := func(node string) finding.Location {
		return finding.Location{Path: node + "/etc/nova/nova.conf", Node: node, Line: 4, Section: "placement", Key: "password"}
	}
	member := func(node, fp string) finding.Finding {
		return finding.Finding{Rule: "SL-PASS-003", Severity: "warning", Fingerprint: fp, Message: "m", Locations: []finding.Location{loc(node)}}
	}
	lead := member("c2", "f2")
	lead.Locations = append(lead.Locations, loc("c3"), loc("c4"))
	r.Findings = append(r.Findings, lead)
	r.Unfolded = append(slices.Clone(r.Findings), member("c3", "f3"), member("c4", "f4"))
	var b strings.Builder
	if err := (HTML{}).Report(&b, r); err != nil {
		t.Fatal(err)
	}
	doc := parsePage(t, b.String())
	var rows []string
	for _, th := range elements(doc, tagClass("th", "name")) {
		if s := elements(th, tagClass("summary", "")); len(s) == 1 {
			rows = append(rows, text(s[0])+": "+text(elements(th, tagClass("p", ""))[0]))
			continue
		}
		rows = append(rows, text(th))
	}
	want := []string{"node", "compute", "c1", "3 nodes like c2: c2, c3, c4",
		"9 nodes without findings: c0, c5, c6, c7, c8, c9, c10, c11, c12",
		"controller", "ctl", "x1", "outside nodes", "(no node)"}
	if !slices.Equal(rows, want) {
		t.Errorf("overview rows\n%q, want\n%q", rows, want)
	}
	cells := overviewCells(t, doc)
	if got := cells["3 nodes like c2|credentials"]; got != [2]string{"warning", "1"} {
		t.Errorf("the row of c2, c3, c4: %v", got)
	}
}

// TestHTMLRealFoldOnEveryNode: the demo with compute2's [neutron]
// password as wrong as compute1's: lint folds the two findings into one
// (fold.go), and the page counts it on both computes and names both.
func TestHTMLRealFoldOnEveryNode(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "demo")
	if err := os.CopyFS(snap, os.DirFS(filepath.Join("..", "..", "testdata", "demo"))); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(snap, "compute2", "etc", "nova", "nova.conf")
	b, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(b), "\npassword = Nt1p-neutron-svc\n", "\npassword = Nt1p-neutron-svc2\n", 1)
	if fixed == string(b) {
		t.Fatal("compute2's [neutron] password not found")
	}
	if err := os.WriteFile(conf, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lintResult(t, snap)
	doc := parsePage(t, renderHTML(t, res))
	pass := findingEntry(t, doc, "SL-PASS-003")
	if msg := text(elements(pass, tagClass("p", "msg"))[0]); !strings.Contains(msg, "the same on 1 more compute node: compute2") {
		t.Fatalf("not folded: %s", msg)
	}
	if v, _ := attr(pass, "data-nodes"); v != `["n:compute1","n:compute2"]` {
		t.Errorf("the folded finding stands for %s", v)
	}
	cells := overviewCells(t, doc)
	for _, key := range []string{"compute1|credentials", "compute2|credentials", "compute|credentials"} {
		if got := cells[key]; got != [2]string{"error", "1"} {
			t.Errorf("overview %s: %v", key, got)
		}
	}
	if got := cells["controller|credentials"]; got != [2]string{"error", "1"} { // SL-PASS-009 alone, not the reference copy
		t.Errorf("overview controller|credentials: %v", got)
	}
}
