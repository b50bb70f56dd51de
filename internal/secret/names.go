package secret

import (
	"regexp"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
)

// notSecret are option-name parts that look secret but name settings.
var notSecret = regexp.MustCompile(`(_algorithm|_rounds|_days|_regex|_description|_expires.*|_lock.*|_count|_length|_format|_uuid|_file|_path|_dir|_type|_strategy|_backend|_ttl|_enabled|_policy|_size|_history|_hash|_hash_(?:algorithm|rounds|function|max_chars)|_ignore.*)$`)

// switchPrefix marks options that turn something on or off
// (send_service_user_token, use_keystone_limits, [libvirt] inject_password):
// booleans, not secrets.
var switchPrefix = regexp.MustCompile(`^(send|use|enable|require|allow|include|check|verify|show|insecure|inject)_`)

// IsKey reports whether an INI option holds a secret by its name: passwords,
// secrets, keys and tokens (as in oslo options flagged secret=True). The
// option schema adds the options it flags secret whatever their name (see
// model.SecretOption).
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

// IsEnv reports whether a shell variable (of an rc file, an httpd SetEnv,
// rabbitmq-env.conf) holds a secret by its name.
func IsEnv(name string) bool { return IsName(name) }

// secretWords are the words that make a name secret wherever they stand.
var secretWords = map[string]bool{
	"password": true, "passwd": true, "passphrase": true, "pass": true, "pw": true, "pwd": true,
	"secret": true, "secrets": true, "token": true, "cookie": true, "credential": true, "credentials": true,
	"apikey": true, "privkey": true, "authorization": true, "passcode": true,
}

// settingWords end names that describe a secret instead of holding one
// (OS_PASSWORD_FILE, TOKEN_TTL, SECRET_LENGTH).
var settingWords = map[string]bool{
	"file": true, "path": true, "dir": true, "type": true, "length": true, "len": true, "ttl": true,
	"expiration": true, "expiry": true, "expires": true, "lifetime": true, "algorithm": true, "size": true,
	"count": true, "enabled": true, "required": true, "format": true, "uuid": true, "id": true,
	"name": true, "url": true, "uri": true, "policy": true, "strategy": true, "backend": true,
}

// IsName reports whether a name (an environment variable, a header, a
// query parameter, a host-file setting) names a secret: one of its words
// (split at '_', '-', '.', spaces and case changes) is a secret word
// (password, passwd, pass, secret, token, cookie, credential...) or ends
// in one (NOVA_DBPASS, ADMINPASS), or it ends in "key" (SECRET_KEY,
// X-Api-Key), unless its last word says it is about a secret rather than
// one (OS_PASSWORD_FILE, TOKEN_TTL). PWD and OLDPWD are the shell's
// working directories. Over-reading is safe: such values become
// fingerprints.
func IsName(name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	switch strings.ToLower(name) {
	case "pwd", "oldpwd":
		return false
	}
	if settingWords[words[len(words)-1]] && len(words) > 1 {
		return false
	}
	for i, w := range words {
		last := i == len(words)-1
		if secretWord(w) || w == "key" && last && (i == 0 || !plainKeys[words[i-1]]) || w == "auth" && last && i > 0 {
			return true
		}
	}
	return false
}

// secretWord is a secret word, or a word ending in one (dbpass,
// adminpassword, clientsecret, apitoken).
func secretWord(w string) bool {
	switch {
	case secretWords[w]:
		return true
	case w == "bypass" || w == "compass" || w == "authtoken":
		return false
	}
	for _, end := range []string{"pass", "passwd", "password", "secret", "token"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// nameWords splits a name into lower-case words at separators and at
// lower-to-upper case changes ("XAuthToken" -> x, auth, token).
func nameWords(name string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, strings.ToLower(cur.String()))
			cur.Reset()
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ' || c == ':' || c == '/':
			flush()
		case c >= 'A' && c <= 'Z' && i > 0 && name[i-1] >= 'a' && name[i-1] <= 'z':
			flush()
			cur.WriteByte(c)
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return words
}

// exactWords are the secret words of IsSetting.
var exactWords = map[string]bool{
	"password": true, "passwd": true, "passphrase": true, "pass": true, "secret": true, "token": true,
	"cookie": true, "credential": true, "credentials": true, "apikey": true,
}

// IsSetting reports whether a host-file setting or a word inside one
// names a secret: one of its words is exactly a secret word (my.cnf
// password, rabbitmq default_pass, X-Auth-Token, insecure-password), it
// ends in "key" after another word (X-Api-Key, secret_key; not
// public/ssh/host keys), or it is the Authorization or Cookie header. A
// name in capitals (an environment variable: RABBITMQ_ERLANG_COOKIE,
// NOVA_DBPASS, MYSQL_PWD, PGPASSWORD) is judged as IsName judges it. Unlike
// IsName it neither matches word endings nor splits at case changes, so
// httpd's ProxyPass and WSGIPassAuthorization stay readable.
func IsSetting(name string) bool {
	bare := strings.Trim(name, ":\\\"'")
	switch strings.ToLower(bare) {
	case "authorization", "proxy-authorization", "cookie", "set-cookie":
		return true
	}
	if envName.MatchString(bare) {
		return IsName(bare)
	}
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		alnum := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		return !alnum
	})
	if len(words) == 0 || len(words) > 1 && settingWords[words[len(words)-1]] {
		return false
	}
	for i, w := range words {
		if exactWords[w] || w == "key" && i > 0 && i == len(words)-1 && !plainKeys[words[i-1]] {
			return true
		}
	}
	return false
}

// envName is an environment variable's name as conventionally written.
var envName = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$`)

// plainKeys name keys that are not secrets.
var plainKeys = map[string]bool{"public": true, "ssh": true, "host": true, "primary": true, "foreign": true}

// looseWords are the word parts that make an option name secret in
// LooksSecret, wherever they stand in a word (adminpass, dbpwd,
// shared_secrt, credentials).
var looseWords = []string{"pass", "pwd", "secret", "secrt", "token", "cred"}

// notLoose are words holding a loose word that name no secret.
var notLoose = map[string]bool{
	"bypass": true, "compass": true, "passthrough": true, "passthru": true, "passive": true,
	"authtoken": true, "sacred": true, "keystone": true, "credit": true, "credits": true,
}

// aboutWords end option names that describe a secret (token_role,
// access_token_duration, user_pass_attribute), beside settingWords.
var aboutWords = map[string]bool{
	"duration": true, "time": true, "timeout": true, "endpoint": true, "role": true, "roles": true,
	"bind": true, "attribute": true, "header": true, "available": true, "min": true, "max": true,
}

// countPrefix starts option names that count secrets (max_active_keys).
var countPrefix = map[string]bool{"max": true, "min": true, "num": true}

// closeWords are secret words a misspelled word may be one edit away
// from (pasword, passwrd, secert).
var closeWords = []string{"password", "passwd", "secret", "credential", "credentials", "passphrase"}

// LooksSecret reports whether the name of an option no schema registers
// (a misspelling, a site's own option, one in an unknown section) looks
// like it holds a secret: one of its words (split at '_', '-', '.')
// contains pass, pwd, secret, secrt, token or cred (admin_pass,
// credential), is one edit from password, passwd, secret, credential or
// passphrase (pasword), or it ends in a key word (auth_key, apikey; not
// public_key, key_file, keystone or api_key_header). Names of settings
// about a secret (a last word such as file, path, dir, size, ttl, type,
// duration, role, header), counts (max_active_keys) and switches (use_, enable_...) are not, as in IsKey. Over-reading an
// unknown option is safe: its value becomes a fingerprint.
func LooksSecret(name string) bool {
	n := strings.ToLower(name)
	words := nameWords(n)
	if len(words) == 0 || notSecret.MatchString(n) || switchPrefix.MatchString(n) || countPrefix[words[0]] ||
		len(words) > 1 && (settingWords[words[len(words)-1]] || aboutWords[words[len(words)-1]]) {
		return false
	}
	for i, w := range words {
		if looseWord(w) {
			return true
		}
		if i == len(words)-1 && keyWord(w) && (i == 0 || !plainKeys[words[i-1]]) {
			return true
		}
	}
	return false
}

// looseWord: w contains a loose word, or is one edit from a close word.
func looseWord(w string) bool {
	if notLoose[w] {
		return false
	}
	for _, l := range looseWords {
		if strings.Contains(w, l) {
			return true
		}
	}
	for _, c := range closeWords {
		if len(w) >= 6 && editdist.Distance(w, c, 2) <= 1 {
			return true
		}
	}
	return false
}

// keyWord: w is key or keys, or a word ending in key (apikey, authkey).
func keyWord(w string) bool {
	switch w {
	case "key", "keys":
		return true
	case "monkey", "turnkey", "hotkey":
		return false
	}
	return strings.HasSuffix(w, "key")
}
