package urls

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestReadingsOfHardPasswords(t *testing.T) {
	cases := []struct {
		raw      string
		c        Consumer
		host, pw string
		path     string
		bad      bool
	}{
		{"mysql+pymysql://nova:ab/c?d#e@db/nova", SQLAlchemy, "db", "ab/c?d#e", "/nova", false},
		{"mysql+pymysql://nova:p%40ss@db/nova", SQLAlchemy, "db", "p@ss", "/nova", false},
		{"rabbit://openstack:p1@h1:5672,openstack:p2@h2/vh", Transport, "h1", "p1", "/vh", false},
		{"rabbit://openstack:pa,ss@ctl:5672/", Transport, "openstack", "", "/", true},
		{"http://admin:s3cr%2Ft@ctl:5000/v3", Generic, "ctl", "s3cr/t", "/v3", false},
		{"http://ctl:bad/", Generic, "ctl", "", "/", true},
	}
	for _, c := range cases {
		u, ok := Parse(c.raw, c.c)
		if !ok || len(u.Hosts) == 0 || u.Hosts[0].Host != c.host || u.Hosts[0].Password != c.pw || u.Path != c.path || (u.Err != "") != c.bad {
			t.Errorf("%q: got %+v", c.raw, u)
		}
	}
}

func TestCredentialSpansCoverEveryPassword(t *testing.T) {
	cases := map[string][]string{
		"mysql+pymysql://nova:ab/c?d#e@db/nova":                 {"ab/c?d#e"},
		"mysql+pymysql://nova@db/nova_api?password=hunter2&x=1": {"hunter2"},
		"rabbit://openstack:pa,ss@ctl:5672/":                    {"pa,ss"},
		"rabbit://openstack:pa#ss@ctl:5672/":                    {"pa#ss"},
		"url:redis://:p4ss@ctl:6379 other":                      {"p4ss"},
		"my_driver://nova:pw9@ctl/":                             {"pw9"},
		"mysql://u:p@ss@db/nova":                                {"p@ss"},
	}
	for raw, secrets := range cases {
		shown := render(raw, CredentialSpans(raw, Auto, func(n string) bool { return n == "password" }))
		for _, s := range secrets {
			if strings.Contains(shown, s) {
				t.Errorf("%q renders as %q: %q is visible", raw, shown, s)
			}
		}
	}
	// The hosts of a clean multi-host URL stay readable.
	raw := "rabbit://u:p1@h1:5672,u:p2@h2:5672/"
	if got := render(raw, CredentialSpans(raw, Transport, nil)); got != "rabbit://u:*@h1:5672,u:*@h2:5672/" {
		t.Errorf("got %q", got)
	}
}

// TestCredentialSpansProperty: for random URLs, whatever reading the
// spans were taken under, no consumer's password is left visible.
func TestCredentialSpansProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab1:@/?#,%4[]=&.-_ "
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for range 1 + r.IntN(30) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		raw := []string{"mysql+pymysql", "rabbit", "http", "x_y"}[r.IntN(4)] + "://" + b.String()
		for _, c := range []Consumer{SQLAlchemy, Transport, Generic, Auto} {
			spans := CredentialSpans(raw, c, nil)
			u, _ := Parse(raw, c)
			for _, h := range u.Hosts {
				if h.HasPassword && !covered(spans, h.PasswordSpan) {
					t.Fatalf("%q under %d: password %q at %v not covered by %v", raw, c, h.Password, h.PasswordSpan, spans)
				}
			}
			if u.clean {
				continue
			}
			for _, other := range []Consumer{SQLAlchemy, Transport, Generic} {
				o, _ := Parse(raw, other)
				for _, h := range o.Hosts {
					if h.HasPassword && !covered(spans, h.PasswordSpan) {
						t.Fatalf("%q: unclean under %d, but %d's password %q is not covered by %v", raw, c, other, h.Password, spans)
					}
				}
			}
		}
	}
}

func covered(spans []Span, s Span) bool {
	if s.End <= s.Start {
		return true
	}
	for _, c := range spans {
		if c.Start <= s.Start && s.End <= c.End {
			return true
		}
	}
	return false
}

func render(raw string, spans []Span) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		b.WriteString(raw[at:s.Start] + "*")
		at = s.End
	}
	return b.String() + raw[at:]
}
