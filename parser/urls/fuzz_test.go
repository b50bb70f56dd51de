package urls

import (
	"strings"
	"testing"
)

// FuzzURLs: every reading of any value keeps its spans inside the value
// and pointing at what they claim (the password span holds the written
// password, the host span the host), and the credential spans are
// sorted, disjoint and cover every password that the chosen reading
// sees, and every reading's password when that reading is not clean.
func FuzzURLs(f *testing.F) {
	for _, s := range []string{
		"mysql+pymysql://nova:ab/c?d#e@db/nova", "rabbit://u:p1@h1:5672,u:p2@h2/vh", "rabbit://u:pa,ss@h/",
		"http://a:b@[fd00::1]:80/x?password=y#z", "mysql://u:p@ss@db/nova", "url:redis://:pw@h:6379",
		"my_driver://u:p@h/", "http://h/p@q", "postgresql://u:%zz@h/db", "rabbit://", "x://@",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, c := range []Consumer{SQLAlchemy, Transport, Generic, Auto} {
			u, ok := Parse(raw, c)
			if ok != Looks(raw) {
				t.Fatalf("Parse ok %v, Looks %v", ok, Looks(raw))
			}
			if ok {
				checkURL(t, raw, u)
			}
			spans := CredentialSpans(raw, c, func(n string) bool { return strings.Contains(n, "pass") })
			checkSpans(t, raw, spans)
			if !ok {
				continue
			}
			for _, h := range u.Hosts {
				if h.HasPassword && !covered(spans, h.PasswordSpan) {
					t.Fatalf("%q under %d: password at %v not covered by %v", raw, c, h.PasswordSpan, spans)
				}
			}
		}
	})
}

func checkURL(t *testing.T, raw string, u *URL) {
	t.Helper()
	for _, h := range u.Hosts {
		for _, sp := range []Span{h.PasswordSpan, h.UserSpan, h.HostSpan} {
			if sp.Start < 0 || sp.End > len(raw) || sp.Start > sp.End {
				t.Fatalf("%q: span %v out of range", raw, sp)
			}
		}
		if h.HasPassword && pyUnquote(raw[h.PasswordSpan.Start:h.PasswordSpan.End]) != h.Password {
			t.Fatalf("%q: password span %q is not the password %q", raw, raw[h.PasswordSpan.Start:h.PasswordSpan.End], h.Password)
		}
		if got := raw[h.HostSpan.Start:h.HostSpan.End]; got != h.Host && strings.ToLower(got) != h.Host && !strings.Contains(h.Host, "%") {
			t.Fatalf("%q: host span %q is not the host %q", raw, got, h.Host)
		}
	}
	for _, sp := range []Span{u.PathSpan, u.QuerySpan} {
		if sp.Start < 0 || sp.End > len(raw) || sp.Start > sp.End {
			t.Fatalf("%q: span %v out of range", raw, sp)
		}
	}
}

func checkSpans(t *testing.T, raw string, spans []Span) {
	t.Helper()
	end := 0
	for i, s := range spans {
		if s.Start < end || s.End > len(raw) || s.Start >= s.End || i > 0 && s.Start <= spans[i-1].End-1 {
			t.Fatalf("%q: spans %v not sorted, disjoint and in range", raw, spans)
		}
		end = s.End
	}
}
