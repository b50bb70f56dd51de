package schema

import (
	"math"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fuzzOpts are option types as the schemas hold them (opt mod len).
var fuzzOpts = []*Opt{
	{Type: "str"},
	{Type: "str", Quotes: 1, Choices: []any{"http", "https", nil}, IgnoreCase: 1, MaxLength: new(int)},
	{Type: "str", Regex: `^[a-z]+://`},
	{Type: "int", Min: f(1), Max: f(10)},
	{Type: "port"},
	{Type: "float"},
	{Type: "bool"},
	{Type: "list", Item: &Opt{Type: "int"}},
	{Type: "list", Bounds: 1, Item: &Opt{Type: "str", Quotes: 1}},
	{Type: "dict", Value: &Opt{Type: "port"}},
	{Type: "dict", Bounds: 1, Value: &Opt{Type: "bool"}},
	{Type: "ip"},
	{Type: "ip", IPVersion: 6},
	{Type: "host"},
	{Type: "hostaddr"},
	{Type: "hostdomain"},
	{Type: "uri", Schemes: []string{"http", "https"}},
	{Type: "uri", MaxLength: func() *int { n := 20; return &n }()},
}

// FuzzCheck: a value check (oslo.config's type conversion) is
// deterministic, never panics, and what it accepts is what the type
// promises: a number within bounds, a port in 0..65535, an address
// net/netip reads, a host name of valid labels, a URI with scheme and host,
// one of the boolean words; a rejection always says why.
func FuzzCheck(f *testing.F) {
	f.Add(uint8(4), "8774")
	f.Fuzz(func(t *testing.T, opt uint8, v string) {
		o := fuzzOpts[int(opt)%len(fuzzOpts)]
		err := o.Check(v)
		if err2 := o.Check(v); (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%s %q: empty error", o.Type, v)
			}
			return
		}
		if why := accepted(o, v); why != "" {
			t.Fatalf("%s accepted %q, but %s", o.Type, v, why)
		}
	})
}

// accepted says what is wrong with a value Check accepted, or "".
func accepted(o *Opt, v string) string {
	switch o.Type {
	case "int", "port", "float":
		return number(o, v)
	case "bool":
		if !slices.Contains([]string{"true", "1", "on", "yes", "false", "0", "off", "no"}, strings.ToLower(v)) {
			return "it is not a boolean word"
		}
	case "ip":
		if a, err := netip.ParseAddr(v); err != nil || a.Zone() != "" || o.IPVersion == 6 && !a.Is6() {
			return "net/netip does not read it as such an address"
		}
	case "host":
		return hostName(v)
	case "uri":
		if u, err := url.Parse(v); err != nil || u.Scheme == "" || u.Host == "" {
			return "it has no scheme or host"
		}
	}
	return ""
}

func number(o *Opt, v string) string {
	s := strings.ReplaceAll(strings.TrimSpace(v), "_", "")
	if s == "" {
		return ""
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil && !strings.Contains(strings.ToLower(s), "in") && !strings.Contains(strings.ToLower(s), "nan") {
		return "strconv cannot read it: " + err.Error()
	}
	if o.Type != "float" && n != math.Trunc(n) {
		return "it is not an integer"
	}
	lo, hi := math.Inf(-1), math.Inf(1)
	if o.Type == "port" {
		lo, hi = 0, 65535
	}
	if o.Min != nil {
		lo = *o.Min
	}
	if o.Max != nil {
		hi = *o.Max
	}
	if n < lo || n > hi {
		return "it is out of bounds"
	}
	return ""
}

func hostName(v string) string {
	if len(v) > 253 {
		return "it is longer than 253"
	}
	for _, l := range strings.Split(strings.TrimSuffix(v, "."), ".") {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' ||
			strings.Trim(strings.ToLower(l), "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return "label " + strconv.Quote(l) + " is not a host name label"
		}
	}
	return ""
}
