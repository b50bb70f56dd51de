package model

import (
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
)

var schemeRE = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*)://`)

// defaultPorts fills in the port a client uses when a URL names none.
var defaultPorts = map[string]int{
	"http": 80, "https": 443, "rabbit": 5672, "amqp": 5672, "kombu": 5672,
	"qpid": 5672, "kafka": 9092, "mysql": 3306, "postgresql": 5432, "postgres": 5432,
	"redis": 6379, "memcache": 11211, "etcd3": 2379, "etcd3+http": 2379, "zookeeper": 2181,
	"ws": 80, "wss": 443,
}

// urlHost is one host of a (possibly multi-host) URL.
type urlHost struct {
	Host, User, Password string
	RawPassword          string // as written (maybe percent-encoded)
	Port                 int
	HasPassword          bool
}

// parsedURL is a URL broken into the parts rules compare. Transport URLs may
// list several hosts: rabbit://u:p@h1:5672,u:p@h2:5672/vhost.
type parsedURL struct {
	Scheme, Driver, Path, Query string
	Hosts                       []urlHost
}

// parseURL parses what oslo.messaging and SQLAlchemy accept; ok is false
// for values that are not URLs.
func parseURL(raw string) (*parsedURL, bool) {
	m := schemeRE.FindStringSubmatch(raw)
	if m == nil {
		return nil, false
	}
	u := &parsedURL{Scheme: strings.ToLower(m[1])}
	u.Driver, _, _ = strings.Cut(u.Scheme, "+")
	rest := raw[len(m[0]):]
	netloc, tail := rest, ""
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		netloc, tail = rest[:i], rest[i:]
	}
	u.Path, u.Query, _ = strings.Cut(tail, "?")
	if netloc == "" {
		return u, true
	}
	for _, part := range strings.Split(netloc, ",") {
		u.Hosts = append(u.Hosts, parseNetloc(part))
	}
	return u, true
}

func parseNetloc(s string) urlHost {
	var h urlHost
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		userinfo := s[:i]
		s = s[i+1:]
		user, pass, has := strings.Cut(userinfo, ":")
		h.User, h.Password, h.RawPassword, h.HasPassword = unquote(user), unquote(pass), pass, has
	}
	host, port := s, ""
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i >= 0 {
			host, port = s[1:i], strings.TrimPrefix(s[i+1:], ":")
		}
	} else if i := strings.LastIndexByte(s, ':'); i >= 0 {
		host, port = s[:i], s[i+1:]
	}
	h.Host = strings.ToLower(host)
	if p, err := strconv.Atoi(port); err == nil {
		h.Port = p
	}
	return h
}

func unquote(s string) string {
	if v, err := url.PathUnescape(s); err == nil {
		return v
	}
	return s
}

// fact renders the parsed URL for the model; passwords appear only as
// fingerprints, and default ports are filled in.
func (u *parsedURL) fact(k *secret.Keyring, hostFact func(string, map[string]any) map[string]any) map[string]any {
	hostsOut := make([]any, 0, len(u.Hosts))
	for _, h := range u.Hosts {
		port := h.Port
		if port == 0 {
			port = defaultPorts[u.Driver]
		}
		e := map[string]any{"host": h.Host, "port": port, "user": h.User, "address": h.Host + ":" + strconv.Itoa(port)}
		if h.HasPassword {
			e["password_fp"] = k.FP(h.Password)
			k.FP(h.RawPassword) // the as-written form is redacted from messages too
			e["password_empty"] = h.Password == ""
			e["password_weak"] = secret.Weak(h.Password)
			if secret.Placeholder(h.Password) {
				e["password_placeholder"] = h.Password
			}
		}
		if hostFact != nil {
			e = hostFact(h.Host, e)
		}
		hostsOut = append(hostsOut, e)
	}
	f := map[string]any{"scheme": u.Scheme, "driver": u.Driver, "path": u.Path, "query": u.Query, "hosts": hostsOut}
	if len(hostsOut) > 0 {
		first := hostsOut[0].(map[string]any)
		for _, key := range []string{"host", "port", "user", "address", "password_fp", "resolved", "near"} {
			if v, ok := first[key]; ok {
				f[key] = v
			}
		}
	}
	f["vhost"] = strings.TrimPrefix(u.Path, "/")
	f["database"] = strings.TrimPrefix(u.Path, "/")
	f["endpoint"] = u.endpoint()
	return f
}

// endpoint is the scheme://host:port of the first host with the port filled
// in and the path dropped: "http://controller:5000" and
// "http://controller:5000/v3" are the same Keystone.
func (u *parsedURL) endpoint() string {
	if len(u.Hosts) == 0 {
		return u.Scheme + "://"
	}
	h := u.Hosts[0]
	port := h.Port
	if port == 0 {
		port = defaultPorts[u.Driver]
	}
	return u.Scheme + "://" + net.JoinHostPort(h.Host, strconv.Itoa(port))
}

// redactURL replaces the password of every userinfo by its label.
func redactURL(raw string, u *parsedURL, k *secret.Keyring) string {
	for _, h := range u.Hosts {
		if !h.HasPassword || h.Password == "" {
			continue
		}
		raw = strings.ReplaceAll(raw, ":"+h.RawPassword+"@", ":"+k.Label(h.Password)+"@")
	}
	return raw
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// RedactURLValue replaces URL passwords in a value by fingerprint labels.
func RedactURLValue(v string, k *secret.Keyring) string {
	if u, ok := parseURL(v); ok {
		return redactURL(v, u, k)
	}
	return v
}
