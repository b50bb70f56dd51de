package model

import (
	"testing"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

func TestParseURLSameEndpoint(t *testing.T) {
	a, _ := parseURL("http://controller:5000")
	b, _ := parseURL("http://controller:5000/v3")
	c, _ := parseURL("rabbit://u:p@controller")
	d, _ := parseURL("rabbit://u:p@controller:5672/")
	if a.endpoint() != b.endpoint() || c.endpoint() != d.endpoint() || c.endpoint() != "rabbit://controller:5672" {
		t.Fatalf("%s %s %s %s", a.endpoint(), b.endpoint(), c.endpoint(), d.endpoint())
	}
}

func TestTransportURLHostsAndRedaction(t *testing.T) {
	raw := "rabbit://openstack:p%40ss@h1:5672,openstack:p%40ss@h2/vhost"
	u, ok := parseURL(raw)
	if !ok || len(u.Hosts) != 2 || u.Hosts[0].Password != "p@ss" || u.Hosts[1].Port != 0 || u.Path != "/vhost" {
		t.Fatalf("got %+v", u)
	}
	k := secret.NewKeyring([]byte("x"))
	red := redactURL(raw, u, k)
	if red == raw || k.Redact("p@ss") == "p@ss" {
		t.Fatalf("not redacted: %s", red)
	}
	f := u.fact(k, nil)
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
		got, missing := substitute(f, c.group, c.in, 0)
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
	f, err := oslo.Parse([]byte("[vxlan]\nenable_vxlan = true\n  local_ip = 10.0.0.31\nname = a # note\nplain = x#y\n"))
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
