package fuzzcheck

import "testing"

// TestYAMLText: a UTF-16 document with either byte order mark reads as its
// text; anything else is returned as is.
func TestYAMLText(t *testing.T) {
	for in, want := range map[string]string{
		"\xfe\xff\x00a\x00:\x00 \x00b": "a: b",
		"\xff\xfea\x00:\x00 \x00b\x00": "a: b",
		"a: b":                         "a: b",
		"\xfe":                         "\xfe",
	} {
		if got := YAMLText([]byte(in)); got != want {
			t.Errorf("YAMLText(%q) = %q, want %q", in, got, want)
		}
	}
}
