package model

import (
	"sync"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/urls"
)

// docMemo remembers, for one document, answers that depend only on names
// and texts, which every node asks again: a fleet sets the same options
// with mostly the same values on every node (a 1,000-node model asked
// secret.IsKey twice for every option of every node, of a few hundred
// names). Each answer is the function's own; callers must not change a
// slice they get.
type docMemo struct {
	mu           sync.Mutex
	secretOpts   map[[4]string]bool        // SecretOption by kind, schema section, option and auth plugin
	keys         map[string]bool           // secret.IsKey by option name
	placeholders map[string][]string       // secret.Placeholders by (rendered) value
	spans        map[[2]string][]urls.Span // credentialSpans by value and option
}

func newDocMemo() *docMemo {
	return &docMemo{
		secretOpts: map[[4]string]bool{}, keys: map[string]bool{},
		placeholders: map[string][]string{}, spans: map[[2]string][]urls.Span{},
	}
}

// remember is m[k], computed by f the first time.
func remember[K comparable, V any](mu *sync.Mutex, m map[K]V, k K, f func() V) V {
	mu.Lock()
	v, ok := m[k]
	mu.Unlock()
	if ok {
		return v
	}
	v = f()
	mu.Lock()
	m[k] = v
	mu.Unlock()
	return v
}

// isKey is secret.IsKey(name).
func (m *docMemo) isKey(name string) bool {
	return remember(&m.mu, m.keys, name, func() bool { return secret.IsKey(name) })
}

// placeholdersIn is secret.Placeholders(text).
func (m *docMemo) placeholdersIn(text string) []string {
	return remember(&m.mu, m.placeholders, text, func() []string { return secret.Placeholders(text) })
}

// credentialSpans is credentialSpans(v, key).
func (m *docMemo) credentialSpans(v, key string) []urls.Span {
	return remember(&m.mu, m.spans, [2]string{v, key}, func() []urls.Span { return credentialSpans(v, key) })
}
