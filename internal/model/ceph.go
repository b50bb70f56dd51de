package model

import (
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/cephconf"
)

// CephSecret reports whether a Ceph setting holds a secret: a keyring's
// (or ceph.conf's) key, and any name the secret rules call secret.
func CephSecret(name string) bool {
	return name == "key" || secret.IsKey(name) || secret.IsSetting(name)
}

// CephName is a Ceph setting's name as the document and inspect show it: a
// line that sets a key without "=" ("key AQBx...==", which Ceph reads as
// an option named after the key) holds the secret in its name, so such a
// name (one that starts with "key" and is no known option) is shown as
// the fingerprint of the name.
func CephName(name string, keys *secret.Keyring) string {
	if rest, ok := strings.CutPrefix(name, "key"); ok && rest != "" && !knownKeyOption[rest] {
		return keys.Label(name)
	}
	return name
}

// knownKeyOption are the Ceph options starting with "key" (after it).
var knownKeyOption = map[string]bool{"ring": true, "file": true}

// cephDoc is a Ceph file in the document (nodes.<n>.files[i].ceph): the
// value in use of each setting, {section: {name: {"value", "line"}}},
// names normalised ("mon host" is mon_host) and the last occurrence
// kept, as Ceph reads them; a secret (a keyring's key) is {"fp", "line"}
// and never its value. Sections are as written ("global",
// "client.cinder").
func cephDoc(f *cephconf.File, keys *secret.Keyring) map[string]any {
	out := map[string]any{}
	for _, s := range f.Settings {
		sec, ok := out[s.Section].(map[string]any)
		if !ok {
			sec = map[string]any{}
			out[s.Section] = sec
		}
		v := map[string]any{"line": s.Line}
		if CephSecret(s.Name) {
			v["fp"] = keys.FP(s.Value)
		} else {
			v["value"] = s.Value
		}
		sec[CephName(s.Name, keys)] = v
	}
	return out
}

// CephShown is a Ceph setting's value as inspect prints it: secrets as
// fingerprints (a keyring's key even with --show-secrets, as keystone's
// key files).
func CephShown(s cephconf.Setting, keys *secret.Keyring) string {
	if CephSecret(s.Name) {
		return keys.Label(s.Value)
	}
	return strings.Clone(s.Value)
}
