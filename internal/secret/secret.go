// Package secret decides which values are secret, fingerprints them and
// redacts them from text. Secret values never leave the process: the model
// given to Rego holds fingerprints, and every message is redacted again as a
// second line of defence.
package secret

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
)

// Keyring fingerprints values with a key derived from the whole snapshot:
// stable within one snapshot, useless for dictionary attacks across them.
type Keyring struct {
	key    []byte
	values map[string]bool
	public map[string]bool // words stacklint prints as structure
}

// NewKeyring returns a keyring keyed by digest (a digest of the snapshot).
func NewKeyring(digest []byte) *Keyring {
	k := sha256.Sum256(append([]byte("stacklint-fp-v1:"), digest...))
	return &Keyring{key: k[:], values: map[string]bool{}, public: map[string]bool{}}
}

// FP returns the fingerprint of a secret value ("" for an empty value) and
// remembers the value so that Redact removes it from any text.
func (k *Keyring) FP(value string) string {
	if value == "" {
		return ""
	}
	k.values[value] = true
	m := hmac.New(sha256.New, k.key)
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil))[:6]
}

// Label is how a secret is shown to users: "fp:3fa1c2", or "(empty)".
func (k *Keyring) Label(value string) string {
	if value == "" {
		return "(empty)"
	}
	return "fp:" + k.FP(value)
}

// Public declares words stacklint itself prints as structure (file kinds,
// node, section and option names, and their parts). A secret equal to one
// of them ("neutron", "password") cannot be told apart from that structure
// in a message, so Redact leaves such words alone instead of turning
// "neutron.conf" into "fp:3fa1c2.conf"; rules never print secret values.
func (k *Keyring) Public(words ...string) {
	for _, w := range words {
		k.public[w] = true
	}
}

// Redact replaces every known secret value in s by its fingerprint label.
// Install-guide placeholders (NOVA_PASS) are public text and stay readable.
// Longer secrets are replaced first; secrets shorter than four characters
// are replaced only where they stand as a whole word, so that a one-letter
// password does not mangle every message.
func (k *Keyring) Redact(s string) string {
	if len(k.values) == 0 {
		return s
	}
	vals := make([]string, 0, len(k.values))
	for v := range k.values {
		vals = append(vals, v)
	}
	sort.Slice(vals, func(i, j int) bool {
		return len(vals[i]) > len(vals[j]) || len(vals[i]) == len(vals[j]) && vals[i] < vals[j]
	})
	for _, v := range vals {
		if Placeholder(v) || k.public[v] || !strings.Contains(s, v) {
			continue
		}
		if len(v) >= 4 {
			s = strings.ReplaceAll(s, v, k.Label(v))
			continue
		}
		re := regexp.MustCompile(`(^|[^\w])` + regexp.QuoteMeta(v) + `($|[^\w])`)
		s = re.ReplaceAllString(s, "${1}"+k.Label(v)+"${2}")
	}
	return s
}

// notSecret are option-name parts that look secret but name settings.
var notSecret = regexp.MustCompile(`(_algorithm|_rounds|_days|_regex|_description|_expires.*|_lock.*|_count|_length|_format|_uuid|_file|_path|_dir|_type|_strategy|_backend|_ttl|_enabled|_policy|_size|_history|_hash.*|_ignore.*)$`)

// switchPrefix marks options that turn something on or off
// (send_service_user_token, use_keystone_limits, [libvirt] inject_password):
// booleans, not secrets.
var switchPrefix = regexp.MustCompile(`^(send|use|enable|require|allow|include|check|verify|show|insecure|inject)_`)

// IsKey reports whether an INI option holds a secret by its name: passwords,
// secrets, keys and tokens (as in oslo options flagged secret=True).
func IsKey(name string) bool {
	n := strings.ToLower(name)
	if notSecret.MatchString(n) || switchPrefix.MatchString(n) {
		return false
	}
	switch {
	case strings.Contains(n, "password"), strings.Contains(n, "passwd"), strings.Contains(n, "secret"):
		return true
	case strings.HasSuffix(n, "_key") && !strings.HasSuffix(n, "_public_key"):
		return true
	case n == "admin_token" || strings.HasSuffix(n, "_token") && !strings.HasSuffix(n, "_auth_token"):
		return true
	}
	return false
}

// IsEnv reports whether a shell variable of an rc file holds a secret.
func IsEnv(name string) bool {
	n := strings.ToUpper(name)
	return strings.Contains(n, "PASSWORD") || strings.Contains(n, "SECRET") ||
		strings.HasSuffix(n, "_TOKEN") || n == "OS_TOKEN" || strings.HasSuffix(n, "_KEY")
}
