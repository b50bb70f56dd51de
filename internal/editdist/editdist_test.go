package editdist

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"controler", "controller", 10, 1},
		{"cpu_mod", "cpu_mode", 3, 1},
		{"kitten", "sitting", 10, 3},
		{"kitten", "sitting", 2, 2}, // stops at the limit
		{"", "abc", 10, 3},
	} {
		if got := Distance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}
