package urls

import (
	"net/netip"
	"regexp"
	"strconv"
	"strings"
)

// split is urllib.parse.urlsplit's result (Python 3.11) with the offset of
// each part in the raw value.
type split struct {
	scheme, netloc, path, query, fragment string
	netlocAt, pathAt, queryAt             int
	hasNetloc                             bool
	err                                   string // urlsplit's ValueError
}

// schemeChars are urllib's scheme_chars.
const schemeChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-."

// urlsplit follows urllib.parse.urlsplit. Python first strips leading C0
// controls and spaces and removes tabs and newlines anywhere; values with
// those are rare in configuration files, and positions are kept exact by
// not doing so (such a value gets no clean reading: see clean).
func urlsplit(raw string) split {
	var s split
	url, at := raw, 0
	if i := strings.IndexByte(url, ':'); i > 0 && isAlpha(url[0]) && strings.Trim(url[:i], schemeChars) == "" {
		s.scheme, url, at = strings.ToLower(url[:i]), url[i+1:], i+1
	}
	if strings.HasPrefix(url, "//") {
		end := len(url)
		if i := strings.IndexAny(url[2:], "/?#"); i >= 0 {
			end = i + 2
		}
		s.netloc, s.netlocAt, s.hasNetloc = url[2:end], at+2, true
		url, at = url[end:], at+end
		s.err = checkBrackets(s.netloc)
	}
	if i := strings.IndexByte(url, '#'); i >= 0 {
		s.fragment, url = url[i+1:], url[:i]
	}
	if i := strings.IndexByte(url, '?'); i >= 0 {
		s.query, s.queryAt, url = url[i+1:], at+i+1, url[:i]
	}
	s.path, s.pathAt = url, at
	return s
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

var ipvFuture = regexp.MustCompile(`^v[a-fA-F0-9]+\..+$`)

// checkBrackets is urlsplit's "Invalid IPv6 URL" check and
// _check_bracketed_netloc: a netloc with brackets must hold an IPv6 address
// (or an IPvFuture) in them, with nothing before and only ":port" after.
func checkBrackets(netloc string) string {
	open, shut := strings.Contains(netloc, "["), strings.Contains(netloc, "]")
	if open != shut {
		return "Invalid IPv6 URL"
	}
	if !open {
		return ""
	}
	hostport := netloc[strings.LastIndexByte(netloc, '@')+1:]
	var host string
	if before, bracketed, ok := strings.Cut(hostport, "["); ok {
		var port string
		host, port, _ = strings.Cut(bracketed, "]")
		if before != "" || port != "" && !strings.HasPrefix(port, ":") {
			return "Invalid IPv6 URL"
		}
	} else {
		host, _, _ = strings.Cut(hostport, ":")
	}
	if strings.HasPrefix(host, "v") {
		if !ipvFuture.MatchString(host) {
			return "IPvFuture address is invalid"
		}
		return ""
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || ip.Is4() {
		return "Invalid IPv6 URL"
	}
	return ""
}

// fromSplit starts a URL from urlsplit's parts.
func fromSplit(sp split) *URL {
	u := newURL(sp.scheme)
	u.Path, u.PathSpan = sp.path, Span{Start: sp.pathAt, End: sp.pathAt + len(sp.path)}
	u.Query, u.QuerySpan = sp.query, Span{Start: sp.queryAt, End: sp.queryAt + len(sp.query)}
	u.Params = params(sp.query, sp.queryAt)
	u.Err = sp.err
	return u
}

// parseGeneric is urlsplit with its username, password, hostname and port
// properties; the credentials are percent-decoded as requests decodes them
// before sending (requests.utils.get_auth_from_url).
func parseGeneric(raw string) *URL {
	sp := urlsplit(raw)
	u := fromSplit(sp)
	if !sp.hasNetloc {
		u.clean = false
		return u
	}
	h, userEnd := userPart(sp.netloc, sp.netlocAt)
	hostinfo := sp.netloc[strings.LastIndexByte(sp.netloc, '@')+1:]
	hostAt := sp.netlocAt + len(sp.netloc) - len(hostinfo)
	var host, port string
	if _, bracketed, ok := strings.Cut(hostinfo, "["); ok {
		hostAt += strings.IndexByte(hostinfo, '[') + 1
		var rest string
		host, rest, _ = strings.Cut(bracketed, "]")
		_, port, _ = strings.Cut(rest, ":")
	} else {
		host, port, _ = strings.Cut(hostinfo, ":")
	}
	name, zone, hasZone := strings.Cut(host, "%")
	h.Host, h.HostSpan = strings.ToLower(name), Span{Start: hostAt, End: hostAt + len(host)}
	if hasZone {
		h.Host += "%" + zone
	}
	if port != "" {
		h.PortText = port
		n, err := strconv.Atoi(port)
		if strings.Trim(port, "0123456789") != "" || err != nil || n > 65535 {
			u.Err = "invalid port " + strconv.Quote(port)
		}
		h.Port = n
	}
	u.Hosts = []Host{h}
	u.clean = u.Err == "" && onlyAt(raw, sp.netlocAt, len(raw), userEnd) && !strings.ContainsAny(raw, "\t\r\n")
	return u
}

// userPart reads the user part of a netloc host entry as urllib and
// oslo.messaging do: up to the last '@', the password after its first
// ':'. userEnd is the position of that '@' in the raw value (-1: none).
func userPart(part string, at int) (h Host, userEnd int) {
	i := strings.LastIndexByte(part, '@')
	if i < 0 {
		return h, -1
	}
	user, pw, has := strings.Cut(part[:i], ":")
	h.User, h.UserSpan, h.HasUser = pyUnquote(user), Span{Start: at, End: at + len(user)}, true
	if has {
		h.Password, h.HasPassword = pyUnquote(pw), true
		h.PasswordSpan = Span{Start: at + len(user) + 1, End: at + i, Value: h.Password}
	}
	return h, at + i
}

// parseTransport is oslo.messaging's TransportURL.parse: urlparse, then the
// netloc split at ',' into hosts (empty ones skipped), each read by
// userPart, a bracketed host up to ']' and the port after the next ':',
// else the port after the host's first ':', through int().
func parseTransport(raw string) *URL {
	sp := urlsplit(raw)
	u := fromSplit(sp)
	if sp.scheme == "" {
		u.Err = "No scheme specified"
	}
	var ends []int
	off := sp.netlocAt
	for _, part := range strings.Split(sp.netloc, ",") {
		if part != "" {
			h, userEnd := userPart(part, off)
			if userEnd >= 0 {
				ends = append(ends, userEnd)
			}
			if err := transportHost(&h, part, off); err != "" && u.Err == "" {
				u.Err = err
			}
			u.Hosts = append(u.Hosts, h)
		}
		off += len(part) + 1
	}
	u.clean = u.Err == "" && sp.hasNetloc && !strings.ContainsAny(raw, "\t\r\n")
	for i := sp.netlocAt; sp.hasNetloc && i < len(raw); i++ {
		if raw[i] == '@' && !containsInt(ends, i) {
			u.clean = false
		}
	}
	return u
}

// transportHost fills in the host and port of one transport host entry.
func transportHost(h *Host, part string, off int) string {
	hostname := part[strings.LastIndexByte(part, '@')+1:]
	at := off + len(part) - len(hostname)
	var port string
	hasPort := false
	if strings.HasPrefix(hostname, "[") {
		end := strings.IndexByte(hostname, ']')
		if end < 0 {
			return "Invalid IPv6 URL"
		}
		_, port, hasPort = strings.Cut(hostname[end:], ":")
		hostname, at = hostname[1:end], at+1
	} else {
		hostname, port, hasPort = strings.Cut(hostname, ":")
	}
	h.Host, h.HostSpan = hostname, Span{Start: at, End: at + len(hostname)}
	if hasPort && port != "" {
		h.PortText = port
		n, ok := pyInt(port)
		h.Port = n
		if !ok {
			return "invalid port " + strconv.Quote(port)
		}
	}
	return ""
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
