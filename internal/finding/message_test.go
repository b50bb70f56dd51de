package finding

import (
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeEscapes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain 'value' with \\ and fp:3fa1c2", "plain 'value' with \\ and fp:3fa1c2"},
		{"a\x1b[31mb\x07\r\n\t\x7f", `a\x1b[31mb\x07\r\n\t\x7f`},
		{"c1 \u0085 \u009b bidi \u202e\u2066\u2069\u200f\u061c lines \u2028\u2029 non \ufffe\uffff", `c1 \u0085 \u009b bidi \u202e\u2066\u2069\u200f\u061c lines \u2028\u2029 non \ufffe\uffff`},
		{"caf\xe9 \xff", `caf\xe9 \xff`},
		{"kept: é 日本 😀 \u00a0 \u200b", "kept: é 日本 😀 \u00a0 \u200b"},
	}
	for _, c := range cases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Visible(c.in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// partial finds a fingerprint label or an escape cut short by "…".
var partial = regexp.MustCompile(`fp:[0-9a-f]{0,5}…|\\x[0-9a-f]?…|\\u[0-9a-f]{0,3}…|\\…`)

func TestSanitizeShortensRuns(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"120 bytes stay", strings.Repeat("a", 120), strings.Repeat("a", 120)},
		{"121 bytes", "x " + strings.Repeat("a", 121) + " y", "x " + strings.Repeat("a", 64) + "…(121 bytes) y"},
		{"characters", "v=" + strings.Repeat("é", 100), "v=" + strings.Repeat("é", 31) + "…(202 bytes)"},
		{"label", strings.Repeat("x", 60) + "fp:3fa1c2" + strings.Repeat("y", 100), strings.Repeat("x", 60) + "…(169 bytes)"},
		{"escapes", strings.Repeat("x", 62) + strings.Repeat("\x1b", 30), strings.Repeat("x", 62) + "…(92 bytes)"},
	}
	for _, c := range cases {
		got := Sanitize(c.in)
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
		if !utf8.ValidString(got) || partial.MatchString(got) {
			t.Errorf("%s: cut inside a character, label or escape: %q", c.name, got)
		}
		if again := Sanitize(got); again != got {
			t.Errorf("%s: not idempotent: %q", c.name, again)
		}
	}
}

func TestSanitizeCapsMessage(t *testing.T) {
	word := strings.Repeat("w", 99)
	long := strings.TrimSpace(strings.Repeat(word+" ", 50))
	got := Sanitize(long)
	if len(got) > MaxMessage || !strings.HasSuffix(got, "… (cut from 4999 bytes)") || !strings.HasPrefix(got, word+" "+word) {
		t.Errorf("%d bytes: ...%q", len(got), got[max(0, len(got)-60):])
	}
	fits := strings.Repeat("a ", MaxMessage/2)
	if got := Sanitize(fits); got != fits {
		t.Errorf("a message of %d bytes was changed", len(fits))
	}
}

// TestSanitizeHugeValue: a message quoting a 100 MB value (issue 14: it
// was printed in full, four times) becomes a few hundred bytes, and
// sanitising keeps no copy of it.
func TestSanitizeHugeValue(t *testing.T) {
	value := strings.Repeat("a\x1b", 50<<20)
	msg := "nova.conf [vnc] server_proxyclient_address on c1 is not valid: '" + value + "' is not an IP address"
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got := Sanitize(msg)
	runtime.ReadMemStats(&after)
	want := "nova.conf [vnc] server_proxyclient_address on c1 is not valid: 'a" + strings.Repeat(`\x1ba`, 12) + "…(104857602 bytes) is not an IP address"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("sanitising allocated %d bytes", alloc)
	}
}

// BenchmarkSanitizeHuge: a message quoting a 100 MB value.
func BenchmarkSanitizeHuge(b *testing.B) {
	msg := "value '" + strings.Repeat("a", 100<<20) + "' is not valid"
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		Sanitize(msg)
	}
}

// BenchmarkSanitizeTypical: a message as rules write them.
func BenchmarkSanitizeTypical(b *testing.B) {
	msg := "nova.conf [neutron] password on compute1 (fp:3fa1c2) differs from neutron's service password (fp:9b0e44) in controller/etc/neutron/neutron.conf"
	for b.Loop() {
		Sanitize(msg)
	}
}
