package model

import (
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

// FuzzSubstitute: $-substitution over any file and value ends, stays
// within its bound, is deterministic, and its secret spans lie in the
// result, each holding what a secret option says; rendering the value
// leaves none of that text visible.
func FuzzSubstitute(f *testing.F) {
	for _, s := range [][2]string{
		{"[DEFAULT]\nmy_ip = 10.0.0.5\n[neutron]\npassword = Q!z\n", "!_${neutron.password}_!$my_ip"},
		{"[DEFAULT]\na = $b$b\nb = $a$a\n", "$a"},
		{"[g]\nx = $$y\\$z\n", "${g.x}$"},
		{"[DEFAULT]\npassword = p$$w\n", "$password${DEFAULT.password}"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, ini, value string) {
		file, err := oslo.Parse([]byte(ini))
		if err != nil {
			return
		}
		isSecret := func(_, name string) bool { return secret.IsKey(name) }
		r := substituteSpans(file, "DEFAULT", value, isSecret)
		if len(r.Text) > maxSubstituted+len(value)+64<<10 {
			t.Fatalf("substituted value of %d bytes", len(r.Text))
		}
		if again := substituteSpans(file, "DEFAULT", value, isSecret); again.Text != r.Text || len(again.Secret) != len(r.Secret) {
			t.Fatal("not deterministic")
		}
		end := 0
		for _, s := range r.Secret {
			if s.Start < end || s.End > len(r.Text) || s.Start >= s.End || r.Text[s.Start:s.End] != s.Value {
				t.Fatalf("bad span %+v in %q", s, r.Text)
			}
			end = s.End
		}
		k := secret.NewKeyring([]byte("fuzz"))
		shown := k.Render(r.Text, r.Secret)
		for _, s := range r.Secret {
			if len(s.Value) >= 4 && strings.Contains(shown, s.Value) && !strings.Contains(value, s.Value) {
				t.Fatalf("secret %q visible in %q", s.Value, shown)
			}
		}
	})
}
