package urls

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sqlaRE is SQLAlchemy 1.4/2.0's _parse_url pattern, as written there
// (sqlalchemy/engine/url.py); Go's leftmost-first matching gives Python's
// match for it. Python's \w also takes non-ASCII letters; Go's does not.
var sqlaRE = regexp.MustCompile(`^(?P<name>[\w+]+)://` +
	`(?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?` +
	`(?:(?:\[(?P<ipv6host>[^/?]+)\]|(?P<ipv4host>[^/:?]+))?(?::(?P<port>[^/?]*))?)?` +
	`(?:/(?P<database>[^?]*))?` +
	`(?:\?(?P<query>.*))?`)

// parseSQLAlchemy is make_url: user and password percent-decoded, the port
// through int() (ValueError on anything else), the database after the
// first '/' that follows the host.
func parseSQLAlchemy(raw string) *URL {
	m := sqlaRE.FindStringSubmatchIndex(raw)
	if m == nil {
		u := newURL(schemeOf(raw))
		u.Err, u.clean = "Could not parse SQLAlchemy URL", false
		return u
	}
	group := func(i int) (string, Span, bool) {
		s, e := m[2*i], m[2*i+1]
		if s < 0 {
			return "", Span{}, false
		}
		return raw[s:e], Span{Start: s, End: e}, true
	}
	name, _, _ := group(1)
	u := newURL(name)
	var h Host
	userEnd := -1
	if user, sp, ok := group(2); ok {
		h.User, h.UserSpan, h.HasUser = pyUnquote(user), sp, true
		userEnd = sp.End
	}
	if pw, sp, ok := group(3); ok {
		h.Password, h.HasPassword = pyUnquote(pw), true
		h.PasswordSpan = Span{Start: sp.Start, End: sp.End, Value: h.Password}
		userEnd = sp.End
	}
	if v6, sp, ok := group(4); ok {
		h.Host, h.HostSpan = v6, sp
	} else if v4, sp, ok := group(5); ok {
		h.Host, h.HostSpan = v4, sp
	}
	if port, _, ok := group(6); ok { // "host:" gives int(''): ValueError
		h.PortText = port
		p, ok := pyInt(port)
		if !ok {
			u.Err = "invalid port " + strconv.Quote(port)
		}
		h.Port = p
	}
	u.Hosts = []Host{h}
	end := len(raw)
	if db, sp, ok := group(7); ok {
		u.Path, u.PathSpan = "/"+db, Span{Start: sp.Start - 1, End: sp.End}
		end = sp.Start - 1
	}
	if q, sp, ok := group(8); ok {
		u.Query, u.QuerySpan = q, sp
		u.Params = params(q, sp.Start)
		if end == len(raw) {
			end = sp.Start - 1
		}
	}
	// Every '@' before the database must be the one ending the user part.
	u.clean = u.Err == "" && onlyAt(raw, len(name)+3, end, userEnd)
	return u
}

// onlyAt reports whether the only '@' in raw[from:to] is at position at
// (at < 0: there is none).
func onlyAt(raw string, from, to, at int) bool {
	for i := from; i < to && i < len(raw); i++ {
		if raw[i] == '@' && i != at {
			return false
		}
	}
	return true
}

// pyInt is Python's int() of a string: surrounding whitespace, a sign,
// digits with single '_' between them. ok is false where int() raises.
func pyInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s != "" && (s[0] == '+' || s[0] == '-') {
		n, ok := pyInt(s[1:])
		if s[0] == '-' {
			n = -n
		}
		return n, ok && s[1:] != "" && s[1] != ' ' && s[1] != '+' && s[1] != '-'
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, "_", ""))
	return n, err == nil
}

// pyUnquote is urllib.parse.unquote: invalid escapes stay as written, and
// bytes that do not decode as UTF-8 become U+FFFD (errors='replace').
func pyUnquote(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	return toValidUTF8(hexUnquote(s))
}

// toValidUTF8 replaces every byte that does not start a valid UTF-8
// sequence by U+FFFD.
func toValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r) // an invalid byte ranges as utf8.RuneError
	}
	return b.String()
}

func hexUnquote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
