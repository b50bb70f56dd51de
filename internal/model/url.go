package model

import (
	"net"
	"regexp"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/schema"
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
	var out []urls.Span
	if strings.Contains(v, "://") {
		out = urls.CredentialSpans(v, consumerOf(key), secret.IsName)
	}
	if strings.ContainsAny(v, "?&;") {
		out = append(out, querySpans(v)...)
	}
	if strings.Contains(v, "\n") {
		out = append(out, continuationSpans(v)...)
	}
	if strings.Contains(v, "=") {
		out = append(out, envSpans(v)...)
	}
	return urls.Merge(out)
}

// envAssign is a NAME=VALUE word inside a value (systemd's
// Environment=PGPASSWORD=x, an env file read as INI).
var envAssign = regexp.MustCompile(`(?:^|[\s"'])([A-Za-z_][A-Za-z0-9_]*)=([^\s"']+)`)

// envSpans locates the values of NAME=VALUE words with a secret NAME.
func envSpans(v string) []urls.Span {
	var out []urls.Span
	for _, m := range envAssign.FindAllStringSubmatchIndex(v, -1) {
		if secret.IsSetting(v[m[2]:m[3]]) || secret.IsName(v[m[2]:m[3]]) {
			out = append(out, urls.Span{Start: m[4], End: m[5]})
		}
	}
	return out
}

// queryParam is a query-string pair anywhere in a value ("/v3?password=x"
// in an httpd Location, a URL without a scheme).
var queryParam = regexp.MustCompile(`[?&;]([A-Za-z0-9_.\-]+)=([^&;#\s"'<>]*)`)

// querySpans locates the values of secret-named query parameters.
func querySpans(v string) []urls.Span {
	var out []urls.Span
	for _, m := range queryParam.FindAllStringSubmatchIndex(v, -1) {
		if m[5] > m[4] && secret.IsName(v[m[2]:m[3]]) {
			out = append(out, urls.Span{Start: m[4], End: m[5]})
		}
	}
	return out
}

// continuationAssign is a continuation line that reads like an option:
// an indented "password = x" under another option becomes part of that
// option's value (oslo.config joins continuation lines), so the value of
// a non-secret option can hold a secret line.
var continuationAssign = regexp.MustCompile(`(?m)^[ \t]*([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*[=:][ \t]*(.*)$`)

// continuationSpans locates the values of secret-named options written on
// the continuation lines of a value (every line after the first).
func continuationSpans(v string) []urls.Span {
	first := strings.IndexByte(v, '\n')
	var out []urls.Span
	for _, m := range continuationAssign.FindAllStringSubmatchIndex(v[first+1:], -1) {
		name := v[first+1+m[2] : first+1+m[3]]
		if m[5] > m[4] && secretName(name) {
			out = append(out, urls.Span{Start: first + 1 + m[4], End: first + 1 + m[5]})
		}
	}
	return out
}

// secretName reports whether an option name holds a secret wherever it is
// written: by its name, or flagged secret by some release in some group.
func secretName(name string) bool {
	return secret.IsKey(name) || secret.IsName(name) || schema.SecretName(name) || schema.SecretName(strings.ToLower(name))
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
		if h.HasPassword && secret.Masked(h.Password) {
			e["password_masked"] = true // sos's mysql+pymysql://nova:*********@ctl/nova: unknown
		} else if h.HasPassword {
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
