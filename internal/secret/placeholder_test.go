package secret

import "testing"

// TestPlaceholderOf: a placeholder before an inline comment is still the
// install guide's placeholder (seed 001 writes "NOVA_PASS\t// ..."); a
// password with a comment is not.
func TestPlaceholderOf(t *testing.T) {
	for v, want := range map[string]string{
		"NOVA_PASS":                  "NOVA_PASS",
		"NOVA_PASS\t// nova's":       "NOVA_PASS",
		"RABBIT_PASS # change me":    "RABBIT_PASS",
		"Xk7q2zP9 // real":           "",
		"NOVA_PASS_AND_MORE // note": "",
		"":                           "",
	} {
		if got := PlaceholderOf(v); got != want {
			t.Errorf("PlaceholderOf(%q) = %q, want %q", v, got, want)
		}
	}
}
