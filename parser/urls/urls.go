// Package urls reads URL-valued options the way the library that consumes
// each one reads it, and finds every part of a value that may hold a
// credential whatever the reading.
//
// Three readings exist in an OpenStack deployment, and they disagree on
// unusual input (a password holding '/', '#', ',' or '@'):
//
//   - SQLAlchemy's make_url (sqlalchemy/engine/url.py, _parse_url: one
//     regular expression) reads [database] connection and its kin. The
//     password is everything between the first ':' of the user part and the
//     first '@' after it, so "nova:ab/c?d#e@db/nova" has the password
//     "ab/c?d#e".
//   - oslo.messaging's TransportURL.parse (oslo_messaging/transport.py)
//     reads transport_url: urllib.parse.urlparse, then the netloc split at
//     ',' into hosts, each split at its last '@' and the user part at its
//     first ':'. A '#' or '/' in a password ends the netloc early.
//   - urllib.parse.urlsplit reads everything else (keystoneauth, requests):
//     the netloc ends at the first '/', '?' or '#', the user part at its
//     last '@'.
//
// Parse gives the consumer's reading; CredentialSpans gives the union of
// every reading plus a generous one, for redaction.
package urls

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Consumer names the library that reads a URL-valued option.
type Consumer int

const (
	// Generic is urllib.parse.urlsplit (keystoneauth, requests, most
	// http(s) options).
	Generic Consumer = iota
	// SQLAlchemy is sqlalchemy.engine.make_url ([database] connection).
	SQLAlchemy
	// Transport is oslo_messaging.TransportURL.parse (transport_url).
	Transport
	// Auto picks the consumer by the URL's scheme (ForScheme).
	Auto
)

// ForScheme guesses the consumer of a URL whose option is not known by its
// scheme: SQLAlchemy for database drivers, oslo.messaging for brokers,
// urllib for the rest.
func ForScheme(scheme string) Consumer {
	driver, _, _ := strings.Cut(strings.ToLower(scheme), "+")
	switch driver {
	case "mysql", "mariadb", "postgresql", "postgres", "sqlite", "oracle", "mssql", "pymysql":
		return SQLAlchemy
	case "rabbit", "amqp", "kombu", "qpid", "kafka", "zmq", "fake":
		return Transport
	}
	return Generic
}

// Span is a byte range [Start, End) of a raw value. Value is what the
// consumer makes of those bytes (a percent-decoded password); "" means the
// bytes themselves.
type Span struct {
	Start, End int
	Value      string
}

// Text returns the span's value as the consumer reads it.
func (s Span) Text(raw string) string {
	if s.Value != "" {
		return s.Value
	}
	return raw[s.Start:s.End]
}

// Host is one host of a URL (transport URLs list several).
type Host struct {
	Host        string // as the consumer reads it (urllib lower-cases it)
	Port        int    // 0 when none is written or it is not a number
	PortText    string // the port as written
	User        string // percent-decoded where the consumer decodes it
	Password    string // likewise
	HasUser     bool   // a user part is written ("@host" has an empty one)
	HasPassword bool
	// PasswordSpan, UserSpan and HostSpan locate the parts in the raw
	// value (Start == End == 0: not written).
	PasswordSpan, UserSpan, HostSpan Span
}

// Param is one query parameter with the span of its value.
type Param struct {
	Key, Value string
	Span       Span
}

// URL is a URL as one consumer reads it.
type URL struct {
	Scheme string // lower-cased
	Driver string // the scheme before '+': "mysql" of "mysql+pymysql"
	Hosts  []Host
	Path   string // "/" and what follows up to the query ("/nova", "/")
	Query  string
	Params []Param
	// PathSpan and QuerySpan locate Path and Query in the raw value.
	PathSpan, QuerySpan Span
	// Err is the consumer's complaint ("" when it accepts the URL), e.g.
	// "Could not parse SQLAlchemy URL" or "invalid port".
	Err string
	// clean is false when some '@' of the authority is not where the
	// consumer ends a user part: the reading may have cut a password.
	clean bool
}

var (
	// anyScheme finds a scheme followed by "//" anywhere in a value; '_'
	// is allowed because SQLAlchemy's \w allows it.
	anyScheme = regexp.MustCompile(`[A-Za-z0-9_+.\-]+://`)
)

// Looks reports whether raw starts like a URL: a scheme and "://".
func Looks(raw string) bool {
	m := anyScheme.FindStringIndex(raw)
	return m != nil && m[0] == 0
}

// Parse reads raw as consumer c reads it. ok is false when raw does not
// start with a scheme and "://" (the value is not a URL at all).
func Parse(raw string, c Consumer) (*URL, bool) {
	if !Looks(raw) {
		return nil, false
	}
	if c == Auto {
		c = ForScheme(schemeOf(raw))
	}
	switch c {
	case SQLAlchemy:
		return parseSQLAlchemy(raw), true
	case Transport:
		return parseTransport(raw), true
	}
	return parseGeneric(raw), true
}

// schemeOf is what precedes "://" in a value Looks calls a URL.
func schemeOf(raw string) string {
	scheme, _, _ := strings.Cut(raw, "://")
	return scheme
}

func newURL(scheme string) *URL {
	u := &URL{Scheme: strings.ToLower(scheme), clean: true}
	u.Driver, _, _ = strings.Cut(u.Scheme, "+")
	return u
}

// params reads a query string as urllib.parse.parse_qsl does ('&'
// separates pairs; a pair without '=' has an empty value), keeping the
// span of each value; at is the query's offset in the raw value.
func params(q string, at int) []Param {
	var out []Param
	off := at
	for _, pair := range strings.Split(q, "&") {
		if pair != "" {
			k, v, _ := strings.Cut(pair, "=")
			vs := off + len(k) + 1
			if !strings.Contains(pair, "=") {
				vs = off + len(pair)
			}
			key := queryUnquote(k)
			val := queryUnquote(v)
			out = append(out, Param{Key: key, Value: val, Span: Span{Start: vs, End: off + len(pair), Value: val}})
		}
		off += len(pair) + 1
	}
	return out
}

func queryUnquote(s string) string {
	if v, err := url.QueryUnescape(s); err == nil {
		return v
	}
	return pyUnquote(strings.ReplaceAll(s, "+", " "))
}

// CredentialSpans returns every span of raw that may hold a credential,
// for every URL written anywhere in raw (a value may embed one, as
// "url:redis://:pw@host" does): the password as consumer c reads it (Auto:
// by each URL's scheme), the values of query parameters isSecret calls
// secret, and, where the reading is not clean (an '@' it does not account
// for, a port that is not a number), everything from the first ':' after
// "://" to the last '@' of the URL, which holds the password under any
// reading. Every "scheme://" starts a URL that runs to the end of the
// value. Spans are sorted and do not overlap.
func CredentialSpans(raw string, c Consumer, isSecret func(name string) bool) []Span {
	var spans []Span
	for i, m := range anyScheme.FindAllStringIndex(raw, -1) {
		consumer := c
		if i > 0 || m[0] > 0 {
			consumer = Auto // an embedded URL: its option's consumer does not read it
		}
		// Each URL runs to the end of the value: a password may hold
		// spaces, or text that looks like another URL.
		spans = append(spans, urlSpans(raw[m[0]:], m[0], consumer, isSecret)...)
	}
	return Merge(spans)
}

// urlSpans is CredentialSpans for one URL starting at offset off of the
// whole value.
func urlSpans(raw string, off int, c Consumer, isSecret func(string) bool) []Span {
	var spans []Span
	u, _ := Parse(raw, c)
	for _, h := range u.Hosts {
		if h.HasPassword && h.PasswordSpan.End > h.PasswordSpan.Start {
			spans = append(spans, shift(h.PasswordSpan, off))
		}
	}
	for _, p := range u.Params {
		if isSecret != nil && isSecret(p.Key) && p.Span.End > p.Span.Start {
			spans = append(spans, shift(p.Span, off))
		}
	}
	if !u.clean {
		if g, ok := generous(raw); ok {
			spans = append(spans, shift(g, off))
		}
	}
	return spans
}

// generous is the widest credential reading: from the first ':' after
// "://" to the last '@' of the URL.
func generous(raw string) (Span, bool) {
	start := strings.Index(raw, "://") + 3
	at := strings.LastIndexByte(raw, '@')
	if at < start {
		return Span{}, false
	}
	colon := strings.IndexByte(raw[start:at], ':')
	if colon < 0 {
		return Span{}, false
	}
	return Span{Start: start + colon + 1, End: at}, at > start+colon+1
}

func shift(s Span, off int) Span {
	return Span{Start: s.Start + off, End: s.End + off, Value: s.Value}
}

// Merge sorts spans and joins those that overlap or touch; a joined span
// keeps a Value only when it covers exactly one input span.
func Merge(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].Start != spans[j].Start {
			return spans[i].Start < spans[j].Start
		}
		return spans[i].End > spans[j].End
	})
	out := []Span{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start > last.End {
			out = append(out, s)
			continue
		}
		if s.Start == last.Start && s.End == last.End {
			continue
		}
		if s.End > last.End {
			last.End = s.End
		}
		last.Value = ""
	}
	return out
}
