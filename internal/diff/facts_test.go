package diff

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

// TestComparePolicies: a policy rule added, removed (the default then in
// force) and changed to the registered default are reported per node and
// service with their notes; a rule only moving to another line is not;
// the summary is no longer "no change".
func TestComparePolicies(t *testing.T) {
	const file = "n/etc/nova/policy.yaml"
	o, n := NewFacts(), NewFacts()
	put3(o.Policies, "n", "nova", "a", Fact{Value: "rule:admin_api", File: file, Line: 1})
	put3(o.Policies, "n", "nova", "gone", Fact{Value: "role:admin", File: file, Line: 2})
	put3(o.Policies, "n", "nova", "moved", Fact{Value: "@", File: file, Line: 3})
	put3(o.Defaults, "n", "nova", "gone", "rule:admin_or_owner")
	put3(n.Policies, "n", "nova", "a", Fact{Value: "rule:admin_or_owner", File: file, Line: 1})
	put3(n.Policies, "n", "nova", "moved", Fact{Value: "@", File: file, Line: 9})
	put3(n.Policies, "n", "nova", "os_compute_api:servers:delete", Fact{Value: "@", File: file, Line: 2})
	n.Same[file+"\x00a"] = true
	d := Compare(&Input{Nodes: []string{"n"}, Facts: o}, &Input{Nodes: []string{"n"}, Facts: n})
	var got []string
	for i := range d.Policies {
		c := &d.Policies[i]
		got = append(got, c.Node+" "+c.Scope+" "+c.Name+": "+DescribeFact(c))
	}
	want := []string{
		"n nova a: changed: rule:admin_api (n/etc/nova/policy.yaml:1) → rule:admin_or_owner (n/etc/nova/policy.yaml:1) (same as the default)",
		"n nova gone: removed: role:admin (n/etc/nova/policy.yaml:2) (now the default: rule:admin_or_owner)",
		"n nova os_compute_api:servers:delete: added: @ (n/etc/nova/policy.yaml:2)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := Summary(d); s != "3 policy rules changed" {
		t.Errorf("summary: %s", s)
	}
}

// TestCompareRC: an rc variable changed, added and removed, a secret as
// fingerprints only, an rc file loose in the top named by its path; an rc
// file of a node of one side only is left to "node added".
func TestCompareRC(t *testing.T) {
	o, n := NewFacts(), NewFacts()
	o.RC["n:root/openrc"] = map[string]Fact{"OS_AUTH_URL": {Value: "http://k:5000/v3", File: "n/root/openrc", Line: 1},
		"OS_PASSWORD": {Value: "fp:aaaaaa", File: "n/root/openrc", Line: 2, Secret: true}}
	n.RC["n:root/openrc"] = map[string]Fact{"OS_AUTH_URL": {Value: "https://k:5000/v3", File: "n/root/openrc", Line: 1},
		"OS_PASSWORD": {Value: "fp:bbbbbb", File: "n/root/openrc", Line: 2, Secret: true}}
	n.RC["adminrc"] = map[string]Fact{"OS_REGION_NAME": {Value: "r1", File: "adminrc", Line: 1}}
	n.RC["m:root/openrc"] = map[string]Fact{"OS_REGION_NAME": {Value: "r1", File: "m/root/openrc", Line: 1}}
	d := Compare(&Input{Nodes: []string{"n"}, Facts: o}, &Input{Nodes: []string{"n", "m"}, Facts: n})
	var got []string
	for i := range d.RC {
		c := &d.RC[i]
		got = append(got, c.Node+"|"+c.Scope+"|"+c.Name+": "+DescribeFact(c))
	}
	want := []string{
		"|adminrc|OS_REGION_NAME: added: r1 (adminrc:1)",
		"n|root/openrc|OS_AUTH_URL: changed: http://k:5000/v3 (n/root/openrc:1) → https://k:5000/v3 (n/root/openrc:1)",
		"n|root/openrc|OS_PASSWORD: changed (fp:aaaaaa → fp:bbbbbb) (n/root/openrc:2 → n/root/openrc:2)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var b strings.Builder
	if err := Markdown(&b, d); err != nil || !strings.Contains(b.String(), "| `n` | `root/openrc` | `OS_PASSWORD` | `changed (fp:aaaaaa → fp:bbbbbb) (n/root/openrc:2 → n/root/openrc:2)` |") {
		t.Errorf("markdown %v:\n%s", err, b.String())
	}
	b.Reset()
	if err := Text(&b, d, TextOptions{}); err != nil || !strings.Contains(b.String(), "rc files (3)\n  adminrc  OS_REGION_NAME: added: r1 (adminrc:1)\n") {
		t.Errorf("text %v:\n%s", err, b.String())
	}
}

// TestFactsAndSuppressedHostile: values, names and suppression reasons
// from the snapshots cannot add control characters to the text nor
// markup to the markdown outside code spans.
func TestFactsAndSuppressedHostile(t *testing.T) {
	o, n := NewFacts(), NewFacts()
	for i, h := range hostile {
		put3(o.Policies, "n", "nova", h, Fact{Value: "old", File: "f", Line: i + 1})
		put3(n.Policies, "n", "nova", h, Fact{Value: h, File: "f", Line: i + 1})
	}
	f := fnd("SL-X-001", "warning", "n/f", "m", "1")
	g := f
	g.Suppressed = &finding.Suppression{Kind: "inSource", Reason: hostile[5] + hostile[6], Path: "n/f", Line: 1}
	d := Compare(&Input{Nodes: []string{"n"}, Facts: o, Findings: []finding.Finding{f}}, &Input{Nodes: []string{"n"}, Facts: n, Findings: []finding.Finding{g}})
	if len(d.Suppressed) != 1 || len(d.Fixed) != 0 {
		t.Fatalf("suppressed %+v fixed %+v", d.Suppressed, d.Fixed)
	}
	var text, md strings.Builder
	if err := Text(&text, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, r := range text.String() {
		if r < 0x20 && r != '\n' || r == 0x7f || r == '\u202e' {
			t.Errorf("text holds %U:\n%s", r, text.String())
		}
	}
	if err := Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("(`+)( ?).*?(`+)")
	for _, line := range strings.Split(md.String(), "\n") {
		bare := code.ReplaceAllString(line, "CODE")
		for _, bad := range []string{"<script", "<img", "](", "https://", "www.", "@someone", "\x1b", "\u202e", "\r", "</details>"} {
			if strings.Contains(bare, bad) {
				t.Errorf("outside code spans: %q in %q", bad, line)
			}
		}
		if strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "|---") {
			cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
			if want := map[bool]int{true: 5, false: 4}[strings.Contains(line, "SL-X-001") || strings.Contains(line, "Suppressed by")]; cells != want {
				t.Errorf("%d cells in %q", cells, line)
			}
		}
	}
}
