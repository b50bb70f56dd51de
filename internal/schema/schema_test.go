package schema

import (
	"testing"

	"github.com/stacklint/stacklint/internal/release"
)

func f(v float64) *float64 { return &v }

// TestCheck: values convert as oslo.config's types convert them.
func TestCheck(t *testing.T) {
	cases := []struct {
		opt  *Opt
		v    string
		good bool
	}{
		{&Opt{Type: "bool"}, "Yes", true},
		{&Opt{Type: "bool"}, "ture", false},
		{&Opt{Type: "int"}, " 1_000 ", true},
		{&Opt{Type: "int"}, "", true}, // None
		{&Opt{Type: "int"}, "4.0", false},
		{&Opt{Type: "int", Min: f(1)}, "0", false},
		{&Opt{Type: "port"}, "65536", false},
		{&Opt{Type: "port"}, "8778", true},
		{&Opt{Type: "float"}, "1e3", true},
		{&Opt{Type: "float"}, "16x", false},
		{&Opt{Type: "str", Choices: []any{"http", "https"}}, "HTTP", false},
		{&Opt{Type: "str", Choices: []any{"http", "https"}, IgnoreCase: 1}, "HTTP", true},
		{&Opt{Type: "str", MaxLength: new(int)}, "no limit at 0", true},
		{&Opt{Type: "list", Item: &Opt{Type: "int"}}, "1,2,3,", true},
		{&Opt{Type: "list", Item: &Opt{Type: "int"}}, "1,two", false},
		{&Opt{Type: "dict", Value: &Opt{Type: "str"}}, "a:1, b:2", true},
		{&Opt{Type: "dict", Value: &Opt{Type: "str"}}, "a=1", false},
		{&Opt{Type: "ip"}, "10.0.0.11", true},
		{&Opt{Type: "ip", IPVersion: 4}, "::1", false},
		{&Opt{Type: "host"}, "controller", true},
		{&Opt{Type: "host"}, "under_score", false},
		{&Opt{Type: "hostaddr"}, "10.0.0.1", true},
		{&Opt{Type: "uri", Schemes: []string{"http", "https"}}, "http://ctl:5000", true},
		{&Opt{Type: "uri", Schemes: []string{"http", "https"}}, "ftp://ctl", false},
		{&Opt{Type: "uri"}, "controller:5000", false},
	}
	for _, c := range cases {
		if err := c.opt.Check(c.v); (err == nil) != c.good {
			t.Errorf("%s %q: err = %v, want good=%v", c.opt.Type, c.v, err, c.good)
		}
	}
}

// TestResolve uses the committed Zed and 2025.1 schemas.
func TestResolve(t *testing.T) {
	zed, err := Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind, section, key, auth string
		want                     Status
	}{
		{"nova.conf", "libvirt", "virt_type", "", OK},
		{"nova.conf", "LIBVIRT", "virt_type", "", OK}, // sections are lower-cased as oslo.config does
		{"nova.conf", "DEFAULT", "virt_type", "", Unknown},
		{"nova.conf", "DATABASE", "sql_connection", "", Deprecated},
		{"neutron.conf", "keystone_authtoken", "auth_uri", "", OK},      // deprecated for removal, still an option
		{"nova.conf", "keystone_authtoken", "username", "password", OK}, // from the auth plugin
		{"nova.conf", "keystone_authtoken", "username", "", Unknown},
		{"nova.conf", "DEFAULT", "log-dir", "", Unknown}, // only the dest is read
	} {
		if got := zed.Resolve(c.kind, c.section, c.key, c.auth).Status; got != c.want {
			t.Errorf("zed %s [%s] %s (auth %q) = %s, want %s", c.kind, c.section, c.key, c.auth, got, c.want)
		}
	}
	if g, o := zed.Suggest("nova.conf", "DEFAULT", "virt_type"); g != "libvirt" || o != "" {
		t.Errorf("suggest virt_type = %q %q", g, o)
	}
	if _, o := zed.Suggest("nova.conf", "libvirt", "cpu_mod"); o != "cpu_mode" {
		t.Errorf("suggest cpu_mod = %q", o)
	}
	if _, o := zed.Suggest("nova.conf", "DEFAULT", "log-dir"); o != "log_dir" {
		t.Errorf("suggest log-dir = %q", o)
	}
	epoxy, err := Load("2025.1")
	if err != nil {
		t.Fatal(err)
	}
	if !zed.Live("linuxbridge_agent.ini") || epoxy.Live("linuxbridge_agent.ini") {
		t.Error("linuxbridge_agent.ini must be read in zed and by nothing in 2025.1")
	}
	if _, err := Load("folsom"); err == nil {
		t.Error("no schema for folsom expected")
	}
}

// TestPolicyDefaults: each release carries the policies its services
// register, the renames and near-miss suggestions.
func TestPolicyDefaults(t *testing.T) {
	s, err := Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	if got := s.PolicyServices(); len(got) != 6 { // cinder glance keystone neutron nova placement
		t.Errorf("services %v", got)
	}
	if d := s.Policy("nova", "context_is_admin"); d == nil || d.Check != "role:admin" {
		t.Errorf("nova context_is_admin = %+v", d)
	}
	if s.Policy("nova", "compute:create") != nil {
		t.Error("compute:create is not a Zed nova policy")
	}
	if got := s.SuggestPolicy("nova", "os_compute_api:servers:craete"); got != "os_compute_api:servers:create" {
		t.Errorf("suggestion %q", got)
	}
	if got := s.RenamedTo("nova", "os_compute_api:os-used-limits"); len(got) == 0 {
		t.Error("no rename recorded for os_compute_api:os-used-limits")
	}
}

// TestReleasesEmbedded: every release a run accepts has an embedded schema
// named after it, with the release's own name inside, and no schema is
// embedded for a release a run cannot select.
func TestReleasesEmbedded(t *testing.T) {
	want := map[string]bool{}
	for _, r := range release.All {
		want[r.Name] = true
		s, err := Load(r.Name)
		if err != nil {
			t.Errorf("%s: %v", r.Name, err)
			continue
		}
		if s.Release != r.Name {
			t.Errorf("data/%s.json.gz holds release %q", r.Name, s.Release)
		}
	}
	for _, name := range Releases() {
		if !want[name] {
			t.Errorf("data/%s.json.gz is not a release of internal/release.All", name)
		}
	}
}
