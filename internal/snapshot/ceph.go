package snapshot

import (
	"path"
	"strings"
)

// Ceph client files (etc/ceph/): a cluster's configuration and the
// keyrings of its cephx users.
const (
	// KindCephConf is a Ceph cluster's configuration, etc/ceph/<cluster>.conf
	// (ceph.conf for the default cluster "ceph"), read as Ceph reads it:
	// [global], [client], [client.<name>] sections; "mon host", "mon_host"
	// and "mon-host" name the same option (model: cephfacts.go).
	KindCephConf = "ceph.conf"
	// KindCephKeyring is a cephx keyring,
	// etc/ceph/<cluster>.client.<name>.keyring (or <cluster>.keyring):
	// [client.<name>] sections with a key; the key is a secret, only its
	// fingerprint reaches the model.
	KindCephKeyring = "ceph-keyring"
)

// cephKind classifies a path below etc/ (p) as a Ceph client file, or "".
func cephKind(p string) string {
	dir, base := path.Split(p)
	if dir != "ceph/" || strings.HasPrefix(base, ".") {
		return ""
	}
	switch {
	case strings.HasSuffix(base, ".keyring"):
		return KindCephKeyring
	case strings.HasSuffix(base, ".conf") && !strings.Contains(strings.TrimSuffix(base, ".conf"), "."):
		return KindCephConf
	}
	return ""
}
