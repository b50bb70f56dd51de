package model

import (
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

// ProtectErrorLine registers the secret parts of a line quoted in a parse
// error (the value of a secret key, the password of a URL) with the keyring,
// so that redaction removes them from the message, in both the raw and the
// Python-repr form the message uses.
func ProtectErrorLine(k *secret.Keyring, text string) {
	if text == "" {
		return
	}
	key, value, ok := splitAssignment(text)
	if !ok {
		return
	}
	var secrets []string
	if secret.IsKey(strings.TrimSpace(key)) {
		secrets = append(secrets, value)
	}
	if u, ok := parseURL(value); ok {
		for _, h := range u.Hosts {
			if h.HasPassword {
				secrets = append(secrets, h.Password, h.RawPassword)
			}
		}
	}
	for _, s := range secrets {
		if s = strings.TrimSpace(s); s != "" {
			k.FP(s)
			if r := oslo.PyRepr(s); len(r) > 2 {
				k.FP(r[1 : len(r)-1])
			}
		}
	}
}

func splitAssignment(line string) (key, value string, ok bool) {
	i := strings.IndexAny(line, ":=")
	if i < 0 {
		return "", "", false
	}
	return line[:i], strings.Trim(strings.TrimSpace(line[i+1:]), `"'`), true
}
