// Package secret decides which values are secret, fingerprints them and
// redacts them from text. Secret values never leave the process: the model
// given to Rego holds fingerprints (values are rendered span by span, see
// Render), and every message is redacted again as a second line of
// defence (Redact).
package secret

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Keyring fingerprints values with a key derived from the whole snapshot:
// stable within one snapshot, useless for dictionary attacks across them.
// It is safe for concurrent use.
type Keyring struct {
	key    []byte
	mu     sync.Mutex
	labels map[string]string // every known written form of a secret -> its label
	sorted []string          // keys of labels, longest first (nil: stale)
	public map[string]bool   // words stacklint prints as structure
	fork   bool              // a Fork: made records the order of labels
	made   []string          // the forms labelled, in the order they were (forks only)
}

// NewKeyring returns a keyring keyed by digest (a digest of the snapshot).
func NewKeyring(digest []byte) *Keyring {
	k := sha256.Sum256(append([]byte("stacklint-fp-v1:"), digest...))
	return &Keyring{key: k[:], labels: map[string]string{}, public: map[string]bool{}}
}

// Fork returns a keyring with k's key (so the same fingerprints) and no
// labels yet, for one part of a document built on a goroutine of its own;
// Join gives its labels to k. A form of two secrets keeps the label of
// the first that made it, so parts built in parallel must be joined in a
// fixed order.
func (k *Keyring) Fork() *Keyring {
	return &Keyring{key: k.key, labels: map[string]string{}, public: map[string]bool{}, fork: true}
}

// Join adds the labels a Fork of k made to k, in the order the fork made
// them, where k has none yet: forks joined in a fixed order leave k with
// the labels it would hold had every call on them been made on k, fork
// after fork.
func (k *Keyring) Join(f *Keyring) {
	f.mu.Lock()
	made, labels := f.made, f.labels
	f.mu.Unlock()
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, form := range made {
		k.add(form, labels[form])
	}
}

// add labels form unless it has a label already (k.mu held).
func (k *Keyring) add(form, label string) {
	if _, ok := k.labels[form]; ok {
		return
	}
	k.labels[form] = label
	k.sorted = nil
	if k.fork {
		k.made = append(k.made, form)
	}
}

// FP returns the fingerprint of a secret value, 6 hex digits ("" for an
// empty value), and remembers the value and the forms it takes when
// quoted (Python repr, percent-encoding) so that Redact removes them.
func (k *Keyring) FP(value string) string {
	if value == "" || Masked(value) {
		return "" // a mask hides a secret: it is no secret of its own
	}
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(value))
	fp := hex.EncodeToString(m.Sum(nil))[:6]
	k.mu.Lock()
	defer k.mu.Unlock()
	label := "fp:" + fp
	for _, form := range writtenForms(value) {
		k.add(form, label)
	}
	return fp
}

// writtenForms are the ways a value shows up in text: as itself, inside a
// Python repr (the quoting oslo.config's messages use), percent-encoded in
// a URL or a query.
func writtenForms(v string) []string {
	forms := []string{v}
	if r := strconv.Quote(v); r[1:len(r)-1] != v {
		forms = append(forms, r[1:len(r)-1])
	}
	if r := pyReprBody(v); r != v {
		forms = append(forms, r)
	}
	if e := url.QueryEscape(v); e != v {
		forms = append(forms, e)
	}
	if e := url.PathEscape(v); e != v {
		forms = append(forms, e)
	}
	return forms
}

// pyReprBody is what Python's repr() puts between its quotes for s when it
// quotes with single quotes: backslashes, quotes and controls escaped.
func pyReprBody(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x` + hex.EncodeToString([]byte{byte(r)}))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Label is how a secret is shown to users: "fp:3fa1c2", or "(empty)".
func (k *Keyring) Label(value string) string {
	if value == "" {
		return "(empty)"
	}
	if Masked(value) {
		return value // the mask as written: it shows no secret
	}
	return "fp:" + k.FP(value)
}

// Public declares words stacklint itself prints as structure (file kinds,
// node, section and option names, and their parts). A secret equal to one
// of them ("neutron", "password") cannot be told apart from that structure
// in a message, so Redact leaves such words alone instead of turning
// "neutron.conf" into "fp:3fa1c2.conf"; rules never print secret values.
func (k *Keyring) Public(words ...string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for _, w := range words {
		k.public[w] = true
	}
}

// Span is a byte range [Start, End) of a text that holds a secret; Value is
// the secret as its consumer reads it (a percent-decoded URL password), ""
// for the bytes themselves.
type Span struct {
	Start, End int
	Value      string
}

// Render returns text with every span replaced by the label of its secret:
// redaction by position, for values whose secret parts are known (URL
// passwords, substituted secret options). Spans must be sorted and must
// not overlap; spans out of range are ignored.
func (k *Keyring) Render(text string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.End <= s.Start {
			continue
		}
		b.WriteString(text[at:s.Start])
		raw := text[s.Start:s.End]
		v := s.Value
		if v == "" {
			v = raw
		}
		label := k.Label(v)
		if raw != v {
			k.alias(raw, label)
		}
		b.WriteString(label)
		at = s.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// alias remembers that form is written for the secret labelled label.
func (k *Keyring) alias(form, label string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.add(form, label)
}

// anywhere is the length from which a secret is redacted wherever it
// occurs; shorter secrets only where they stand as a whole token.
const anywhere = 16

// Redact replaces known secrets in s by their fingerprint labels, as a
// second line of defence behind Render. A secret is replaced only where it
// stands as a whole token (not inside a longer word, so that a password
// "PASSWORD" leaves "OS_PASSWORD" alone), or anywhere once it is 16 bytes
// or longer. Install-guide placeholders (NOVA_PASS) and the structure
// words given to Public stay readable. Any bytes are accepted.
func (k *Keyring) Redact(s string) string {
	forms, labels := k.snapshot()
	if len(forms) == 0 || s == "" {
		return s
	}
	type hit struct {
		start, end int
		label      string
	}
	var hits []hit
	taken := make([]bool, len(s))
	for _, v := range forms {
		for from := 0; from <= len(s)-len(v); {
			i := strings.Index(s[from:], v)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(v)
			from = start + 1
			if free(taken, start, end) && (len(v) >= anywhere || bounded(s, start, end)) {
				hits = append(hits, hit{start, end, labels[v]})
				for j := start; j < end; j++ {
					taken[j] = true
				}
			}
		}
	}
	if len(hits) == 0 {
		return s
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	var b strings.Builder
	at := 0
	for _, h := range hits {
		b.WriteString(s[at:h.start])
		b.WriteString(h.label)
		at = h.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// snapshot returns the forms to redact, longest first, without
// placeholders and public words, and their labels.
func (k *Keyring) snapshot() ([]string, map[string]string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.sorted == nil {
		k.sorted = make([]string, 0, len(k.labels))
		for v := range k.labels {
			if !Placeholder(v) && !k.public[v] {
				k.sorted = append(k.sorted, v)
			}
		}
		sort.Slice(k.sorted, func(i, j int) bool {
			a, b := k.sorted[i], k.sorted[j]
			return len(a) > len(b) || len(a) == len(b) && a < b
		})
	}
	return k.sorted, k.labels
}

func free(taken []bool, start, end int) bool {
	for j := start; j < end; j++ {
		if taken[j] {
			return false
		}
	}
	return true
}

// bounded reports whether s[start:end] stands as a whole token: each end
// that is a word byte of the secret has no word byte beside it.
func bounded(s string, start, end int) bool {
	if start > 0 && isWord(s[start]) && isWord(s[start-1]) {
		return false
	}
	if end < len(s) && isWord(s[end-1]) && isWord(s[end]) {
		return false
	}
	return true
}

// isWord is true for ASCII letters, digits and '_' and for every byte of
// a multi-byte UTF-8 sequence (so a match never splits a character).
func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= 0x80
}
