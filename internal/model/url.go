package model

import (
	"net"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/urls"
)

// defaultPorts fills in the port a client uses when a URL names none.
var defaultPorts = map[string]int{
	"http": 80, "https": 443, "rabbit": 5672, "amqp": 5672, "kombu": 5672,
	"qpid": 5672, "kafka": 9092, "mysql": 3306, "postgresql": 5432, "postgres": 5432,
	"redis": 6379, "memcache": 11211, "etcd3": 2379, "etcd3+http": 2379, "zookeeper": 2181,
	"ws": 80, "wss": 443,
}

// consumerOf names the library that reads an option's URL: SQLAlchemy for
// oslo.db's connection options (and the pre-oslo.db sql_connection),
// oslo.messaging for transport_url, and for the rest the library the
// URL's scheme suggests (urllib for http).
func consumerOf(key string) urls.Consumer {
	switch key {
	case "connection", "slave_connection", "sql_connection", "asyncio_connection", "asyncio_slave_connection":
		return urls.SQLAlchemy
	case "transport_url":
		return urls.Transport
	}
	return urls.Auto
}

// parseURL reads a value as the option's consumer does; ok is false for
// values that are not URLs.
func parseURL(raw, key string) (*urls.URL, bool) {
	return urls.Parse(raw, consumerOf(key))
}

// credentialSpans are the parts of a value that may hold a credential:
// URL passwords as the option's consumer reads them (any reading, where
// that one is not clean) and secret-named query parameters.
func credentialSpans(v, key string) []urls.Span {
	if !strings.Contains(v, "://") {
		return nil
	}
	return urls.CredentialSpans(v, consumerOf(key), secret.IsName)
}

// urlFact renders a parsed URL for the model: passwords only as
// fingerprints, default ports filled in, and every other part with the
// bytes that fall inside a credential span (a misread password) masked.
type urlFact struct {
	raw   string
	u     *urls.URL
	spans []secret.Span // secret spans of raw
	keys  *secret.Keyring
}

// mask returns part (located at sp in raw) with the bytes inside a
// credential span replaced by labels.
func (x urlFact) mask(part string, sp urls.Span) string {
	if sp.End <= sp.Start {
		return part
	}
	var inside []secret.Span
	for _, c := range x.spans {
		if c.Start < sp.End && c.End > sp.Start {
			inside = append(inside, secret.Span{Start: max(c.Start, sp.Start) - sp.Start, End: min(c.End, sp.End) - sp.Start})
		}
	}
	if inside == nil {
		return part
	}
	return x.keys.Render(x.raw[sp.Start:sp.End], inside)
}

// doc is the URL's entry in the model document.
func (x urlFact) doc(hostFact func(string, map[string]any) map[string]any) map[string]any {
	u := x.u
	hostsOut := make([]any, 0, len(u.Hosts))
	for _, h := range u.Hosts {
		host := strings.ToLower(x.mask(h.Host, h.HostSpan))
		port := h.Port
		if port == 0 {
			port = defaultPorts[u.Driver]
		}
		e := map[string]any{"host": host, "port": port, "user": x.mask(h.User, h.UserSpan), "address": host + ":" + strconv.Itoa(port)}
		if h.HasPassword {
			e["password_fp"] = x.keys.FP(h.Password)
			e["password_empty"] = h.Password == ""
			e["password_weak"] = secret.Weak(h.Password)
			if secret.Placeholder(h.Password) {
				e["password_placeholder"] = h.Password
			}
		}
		if hostFact != nil && host == strings.ToLower(h.Host) {
			e = hostFact(host, e)
		}
		hostsOut = append(hostsOut, e)
	}
	path := x.mask(u.Path, u.PathSpan)
	f := map[string]any{"scheme": u.Scheme, "driver": u.Driver, "path": path, "query": x.mask(u.Query, u.QuerySpan), "hosts": hostsOut}
	if u.Err != "" {
		f["error"] = u.Err
	}
	if len(hostsOut) > 0 {
		first := hostsOut[0].(map[string]any)
		for _, key := range []string{"host", "port", "user", "address", "password_fp", "resolved", "near"} {
			if v, ok := first[key]; ok {
				f[key] = v
			}
		}
	}
	f["vhost"] = strings.TrimPrefix(path, "/")
	f["database"] = strings.TrimPrefix(path, "/")
	f["endpoint"] = endpoint(u.Scheme, u.Driver, hostsOut)
	return f
}

// endpoint is the scheme://host:port of the first host with the port filled
// in and the path dropped: "http://controller:5000" and
// "http://controller:5000/v3" are the same Keystone.
func endpoint(scheme, driver string, hosts []any) string {
	if len(hosts) == 0 {
		return scheme + "://"
	}
	h := hosts[0].(map[string]any)
	port := h["port"].(int)
	if port == 0 {
		port = defaultPorts[driver]
	}
	return scheme + "://" + net.JoinHostPort(h["host"].(string), strconv.Itoa(port))
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// RedactValue renders a value that is not secret as a whole with every
// part that may hold a credential (URL passwords under any reading,
// secret-named query parameters) replaced by its fingerprint label.
func RedactValue(v string, k *secret.Keyring) string {
	return k.Render(v, mergeSpans(nil, credentialSpans(v, "")))
}

// redactOption is RedactValue for the value of option key, whose consumer
// is known.
func redactOption(v, key string, k *secret.Keyring) string {
	return k.Render(v, mergeSpans(nil, credentialSpans(v, key)))
}
