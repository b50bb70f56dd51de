package schema

import (
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Check converts a value as oslo.config's type of the option does and
// returns the error oslo.config would raise, or nil.
func (o *Opt) Check(v string) error {
	if o == nil {
		return nil
	}
	switch o.Type {
	case "str":
		return o.checkString(v)
	case "int", "port":
		return o.checkNumber(v, true)
	case "float":
		return o.checkNumber(v, false)
	case "bool":
		return checkBool(v)
	case "list":
		return o.checkList(v)
	case "dict":
		return o.checkDict(v)
	case "ip":
		return o.checkIP(v)
	case "host":
		return checkHostname(v, false)
	case "hostaddr", "hostdomain":
		if _, err := netip.ParseAddr(v); err == nil {
			return nil
		}
		if err := checkHostname(v, o.Type == "hostdomain"); err != nil {
			return fmt.Errorf("%s is not a valid host address", v)
		}
		return nil
	case "uri":
		return o.checkURI(v)
	}
	return nil
}

func (o *Opt) checkString(v string) error {
	if o.Quotes != 0 && v != "" && (v[0] == '"' || v[0] == '\'') {
		if len(v) < 2 || v[len(v)-1] != v[0] {
			return fmt.Errorf("non-closed quote: %s", v)
		}
		v = v[1 : len(v)-1]
	}
	if len(o.Choices) > 0 && !o.inChoices(v) {
		return fmt.Errorf("valid values are %s, but found %q", o.choiceList(), v)
	}
	if o.Regex != "" {
		if re := compiled(o.Regex); re != nil && !re.MatchString(v) {
			return fmt.Errorf("value %s does not match regex: %s", v, o.Regex)
		}
	}
	if o.MaxLength != nil && *o.MaxLength > 0 && len([]rune(v)) > *o.MaxLength {
		return fmt.Errorf("value %q is longer than %d", v, *o.MaxLength)
	}
	return nil
}

func (o *Opt) inChoices(v string) bool {
	for _, c := range o.Choices {
		s := fmt.Sprint(c)
		if c == nil {
			s = "None"
		}
		if s == v || (o.IgnoreCase != 0 && strings.EqualFold(s, v)) {
			return true
		}
	}
	return false
}

func (o *Opt) choiceList() string {
	out := make([]string, 0, len(o.Choices))
	for _, c := range o.Choices {
		out = append(out, fmt.Sprint(c))
	}
	return "[" + strings.Join(out, ", ") + "]"
}

// checkNumber parses as Python's int() or float() would (surrounding
// space, a sign, digit-group underscores; float also inf and nan) and
// checks bounds and choices; an empty value is None, which is allowed.
func (o *Opt) checkNumber(v string, integer bool) error {
	s := strings.TrimSpace(v)
	if s == "" {
		return nil
	}
	n, err := parseNumber(s, integer)
	if err != nil {
		kind := "float"
		if integer {
			kind = "int() with base 10"
		}
		return fmt.Errorf("invalid literal for %s: '%s'", kind, v)
	}
	if len(o.Choices) > 0 {
		for _, c := range o.Choices {
			if f, ok := c.(float64); ok && f == n {
				return nil
			}
		}
		return fmt.Errorf("valid values are %s, but found %s", o.choiceList(), s)
	}
	min, max := o.Min, o.Max
	if o.Type == "port" {
		min, max = orBound(min, 0), orBound(max, 65535)
	}
	if min != nil && n < *min {
		return fmt.Errorf("should be greater than or equal to %g", *min)
	}
	if max != nil && n > *max {
		return fmt.Errorf("should be less than or equal to %g", *max)
	}
	return nil
}

func orBound(b *float64, d float64) *float64 {
	if b != nil {
		return b
	}
	return &d
}

var (
	pyInt   = regexp.MustCompile(`^[+-]?[0-9](_?[0-9])*$`)
	pyFloat = regexp.MustCompile(`^[+-]?(([0-9](_?[0-9])*)?\.?[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?|[0-9](_?[0-9])*\.)$`)
)

func parseNumber(s string, integer bool) (float64, error) {
	if integer {
		if !pyInt.MatchString(s) {
			return 0, strconv.ErrSyntax
		}
		return strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	}
	switch strings.TrimLeft(strings.ToLower(s), "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(s, "-") {
			return math.Inf(-1), nil
		}
		return math.Inf(1), nil
	case "nan":
		return math.NaN(), nil
	}
	if !pyFloat.MatchString(s) {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
}

func checkBool(v string) error {
	switch strings.ToLower(v) {
	case "true", "1", "on", "yes", "false", "0", "off", "no":
		return nil
	}
	return fmt.Errorf("unexpected boolean value %q", v)
}

// checkList splits as oslo.config's List does (surrounding brackets when
// the option has bounds, a trailing comma ignored) and checks each item.
func (o *Opt) checkList(v string) error {
	s := strings.TrimRight(strings.TrimSpace(v), ",")
	if o.Bounds != 0 {
		if !strings.HasPrefix(s, "[") {
			return fmt.Errorf(`value should start with "["`)
		}
		if !strings.HasSuffix(s, "]") {
			return fmt.Errorf(`value should end with "]"`)
		}
		s = s[1 : len(s)-1]
	}
	if s == "" {
		return nil
	}
	for _, item := range splitItems(s) {
		if err := o.Item.Check(strings.TrimSpace(item)); err != nil {
			return err
		}
	}
	return nil
}

// checkDict: "key:value" pairs separated by commas.
func (o *Opt) checkDict(v string) error {
	s := strings.TrimSpace(v)
	if o.Bounds != 0 {
		if !strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") {
			return fmt.Errorf(`value should be enclosed in "{" and "}"`)
		}
		s = s[1 : len(s)-1]
	}
	if s == "" {
		return nil
	}
	for _, pair := range splitItems(s) {
		k, val, ok := strings.Cut(pair, ":")
		if !ok {
			return fmt.Errorf("value should be NAME:VALUE pairs separated by \",\"")
		}
		_ = k
		if err := o.Value.Check(strings.TrimSpace(val)); err != nil {
			return err
		}
	}
	return nil
}

// splitItems splits on commas outside double quotes.
func splitItems(s string) []string {
	var out []string
	quoted, start := false, 0
	for i, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ',' && !quoted:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func (o *Opt) checkIP(v string) error {
	ip, err := netip.ParseAddr(v)
	if err != nil || ip.Zone() != "" {
		return fmt.Errorf("%s is not IPv4 or IPv6 address", v)
	}
	if (o.IPVersion == 4 && !ip.Is4()) || (o.IPVersion == 6 && !ip.Is6()) {
		return fmt.Errorf("%s is not IPv%d address", v, o.IPVersion)
	}
	return nil
}

var hostLabel = regexp.MustCompile(`(?i)^[a-z0-9-]{1,63}$`)
var domainLabel = regexp.MustCompile(`(?i)^[a-z0-9_-]{1,63}$`)

// checkHostname follows oslo.config's Hostname (HostDomain also allows
// underscores).
func checkHostname(v string, underscore bool) error {
	if v == "" {
		return fmt.Errorf("cannot have an empty hostname")
	}
	if len(v) > 253 {
		return fmt.Errorf("hostname is greater than 253 characters: %s", v)
	}
	v = strings.TrimSuffix(v, ".")
	labels := strings.Split(v, ".")
	if !strings.ContainsAny(strings.ToLower(labels[len(labels)-1]), "abcdefghijklmnopqrstuvwxyz-") {
		return fmt.Errorf("%s contains no non-numeric characters in the top-level domain part of the host name and is invalid", v)
	}
	re := hostLabel
	if underscore {
		re = domainLabel
	}
	for _, l := range labels {
		if !re.MatchString(l) || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return fmt.Errorf("%s is an invalid hostname", v)
		}
	}
	return nil
}

func (o *Opt) checkURI(v string) error {
	if o.MaxLength != nil && *o.MaxLength > 0 && len(v) > *o.MaxLength {
		return fmt.Errorf("uRI %s is longer than %d", v, *o.MaxLength)
	}
	u, err := url.Parse(v)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return fmt.Errorf("invalid URI: %s", v)
	}
	if len(o.Schemes) > 0 {
		for _, s := range o.Schemes {
			if strings.EqualFold(s, u.Scheme) {
				return nil
			}
		}
		return fmt.Errorf("uRI scheme '%s' not in %v", u.Scheme, o.Schemes)
	}
	return nil
}

var (
	reMu    sync.Mutex
	reCache = map[string]*regexp.Regexp{}
)

// compiled is a Python regex as Go's RE2 reads it (search semantics); nil
// when RE2 cannot express it (then the value is not judged).
func compiled(pattern string) *regexp.Regexp {
	reMu.Lock()
	defer reMu.Unlock()
	if re, ok := reCache[pattern]; ok {
		return re
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		re = nil
	}
	reCache[pattern] = re
	return re
}
