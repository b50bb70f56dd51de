package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

func TestParseURLSameEndpoint(t *testing.T) {
	k := secret.NewKeyring([]byte("x"))
	ep := func(raw, key string) string {
		u, _ := parseURL(raw, key)
		return urlFact{raw: raw, u: u, keys: k}.doc(nil)["endpoint"].(string)
	}
	a, b := ep("http://controller:5000", ""), ep("http://controller:5000/v3", "")
	c, d := ep("rabbit://u:p@controller", "transport_url"), ep("rabbit://u:p@controller:5672/", "transport_url")
	if a != b || c != d || c != "rabbit://controller:5672" {
		t.Fatalf("%s %s %s %s", a, b, c, d)
	}
}

func TestTransportURLHostsAndRedaction(t *testing.T) {
	raw := "rabbit://openstack:p%40ss@h1:5672,openstack:p%40ss@h2/vhost"
	u, ok := parseURL(raw, "transport_url")
	if !ok || len(u.Hosts) != 2 || u.Hosts[0].Password != "p@ss" || u.Hosts[1].Port != 0 || u.Path != "/vhost" {
		t.Fatalf("got %+v", u)
	}
	k := secret.NewKeyring([]byte("x"))
	red := RedactValue(raw, k)
	if strings.Contains(red, "p%40ss") || k.Redact("p@ss") == "p@ss" || k.Redact("x p%40ss") == "x p%40ss" {
		t.Fatalf("not redacted: %s", red)
	}
	if !strings.Contains(red, "@h1:5672,openstack:fp:") {
		t.Fatalf("hosts lost: %s", red)
	}
	f := urlFact{raw: raw, u: u, keys: k}.doc(nil)
	if f["vhost"] != "vhost" || f["port"] != 5672 {
		t.Fatalf("fact %+v", f)
	}
}

func TestSubstitute(t *testing.T) {
	f, err := oslo.Parse([]byte("[DEFAULT]\nmy_ip = 10.0.0.5\nhost = d\n[g]\nhost = g\n[vnc]\nx = $my_ip\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ group, in, want, missing string }{
		{"vnc", "$my_ip", "10.0.0.5", ""},
		{"vnc", "http://${my_ip}:6080", "http://10.0.0.5:6080", ""},
		{"g", "$host", "g", ""},
		{"vnc", "$host", "d", ""},
		{"vnc", "${vnc.x}", "10.0.0.5", ""},
		{"vnc", "pa$$word", "pa$word", ""},
		{"vnc", `pa\$word`, "pa$word", ""},
		{"vnc", "cost$", "cost$", ""},
		{"vnc", "se$cret", "se", "cret"},
	}
	for _, c := range cases {
		got, missing := substitute(f, c.group, c.in)
		m := ""
		if len(missing) > 0 {
			m = missing[0]
		}
		if got != c.want || m != c.missing {
			t.Errorf("%q: got %q missing %v", c.in, got, missing)
		}
	}
}

func TestTemplateRefs(t *testing.T) {
	f, err := oslo.Parse([]byte("[DEFAULT]\nmy_ip = 10.0.0.5\n"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in            string
		refs, missing bool
	}{
		{"plain", false, false}, {"pa$$word", false, false}, {`pa\$word`, false, false}, {"cost$", false, false},
		{"a$my_ip", true, false}, {"se$cret", true, true}, {"x${DEFAULT.my_ip}", true, false},
	}
	for _, c := range cases {
		if r, m := templateRefs(f, "DEFAULT", c.in); r != c.refs || m != c.missing {
			t.Errorf("%q: refs %v missing %v", c.in, r, m)
		}
	}
}

func TestTextFacts(t *testing.T) {
	f, err := oslo.Parse([]byte("[vxlan]\nenable_vxlan = true\n  local_ip = 10.0.0.31\nname = a # note\nplain = x#y\n" +
		"slashed = NOVA_PASS\t// the nova user's\nurl = http://ctl:5000//v3\n"))
	if err != nil {
		t.Fatal(err)
	}
	facts := func(key string) map[string]any {
		v, _ := f.Section("vxlan").Last(key)
		d := map[string]any{}
		textFacts(d, v)
		return d
	}
	if got := facts("enable_vxlan"); got["continuation_option"] != 3 {
		t.Errorf("continuation: %v", got)
	}
	if got := facts("name"); got["inline_comment"] != true {
		t.Errorf("inline comment: %v", got)
	}
	if got := facts("plain"); len(got) != 0 {
		t.Errorf("plain: %v", got)
	}
	if got := facts("slashed"); got["comment_marker"] != "//" {
		t.Errorf("slash comment: %v", got)
	}
	if got := facts("url"); len(got) != 0 {
		t.Errorf("URL: %v", got)
	}
}

func TestLookAlike(t *testing.T) {
	for text, want := range map[string]string{
		"http://controller:5000":  "",
		"controller\u00a0":        "U+00A0 no-break space",
		"\u201cRegionOne\u201d":   "U+201C left double quote",
		"vxlan\u2013range":        "U+2013 en dash",
		"caf\u00e9 (plain UTF-8)": "",
	} {
		if got := lookAlike(text); got != want {
			t.Errorf("lookAlike(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestSubstituteBounded: a chain of options each naming the previous one
// several times would grow exponentially; substitution stops growing.
func TestSubstituteBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("[DEFAULT]\na0 = xxxxxxxxxxxxxxxx\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "a%d = %s\n", i, strings.Repeat(fmt.Sprintf("$a%d", i-1), 8))
	}
	f, err := oslo.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := substitute(f, "DEFAULT", "$a39")
	if len(got) > 2*maxSubstituted {
		t.Fatalf("substituted value grew to %d bytes", len(got))
	}
}

// TestSubstitutedSecretSpans: text substituted from a secret option is
// located, however short.
func TestSubstitutedSecretSpans(t *testing.T) {
	f, err := oslo.Parse([]byte("[neutron]\npassword = Q!z\n[vnc]\nserver_listen = !_${neutron.password}_!\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := substituteSpans(f, "vnc", "!_${neutron.password}_!", func(_, n string) bool { return n == "password" })
	if r.Text != "!_Q!z_!" || len(r.Secret) != 1 || r.Text[r.Secret[0].Start:r.Secret[0].End] != "Q!z" {
		t.Fatalf("got %+v", r)
	}
}

// TestSubstituteFileBudget: all values of a file share one budget, so a
// small file whose many options each name one big value (the red team's
// 120 KB file took 2 GB) writes at most FileBudget bytes in all.
func TestSubstituteFileBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("[DEFAULT]\nbig = " + strings.Repeat("x", 1<<20) + "\n")
	for i := range 100 {
		fmt.Fprintf(&b, "k%d = %s\n", i, strings.Repeat("$big", 10))
	}
	f, err := oslo.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	budget, total, cut := FileBudget, 0, false
	for i := range 100 {
		r := substituteSpans(f, "DEFAULT", strings.Repeat("$big", 10)+fmt.Sprint(i), nil, &budget)
		total += len(r.Text)
		cut = cut || r.Truncated
	}
	if total > FileBudget || !cut {
		t.Fatalf("wrote %d bytes, truncated %v", total, cut)
	}
}
