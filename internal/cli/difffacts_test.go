package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/diff"
)

// writeFiles writes path → content below root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, c := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDiffFactsOutsideOptions: a file added to a config-dir (loaded by
// nova-compute), a Ceph keyring's key rotated, a keystone fernet key
// rotated and an rc password changed are reported in every format, the
// secrets as fingerprints only; a snapshot against itself reports none.
func TestDiffFactsOutsideOptions(t *testing.T) {
	t.Parallel()
	const (
		cephOld = "AQBplantedOldCephKey0000000000000000000=="
		cephNew = "AQBplantedNewCephKey1111111111111111111=="
		keyOld  = "plantedOldFernetKey_000000000000000000000000="
		keyNew  = "plantedNewFernetKey_111111111111111111111111="
	)
	old, new := t.TempDir(), t.TempDir()
	copyDir(t, filepath.Join(diffPair, "before"), old)
	copyDir(t, filepath.Join(diffPair, "before"), new)
	writeFiles(t, old, map[string]string{
		"compute1/etc/ceph/ceph.client.cinder.keyring": "[client.cinder]\n\tkey = " + cephOld + "\n",
		"controller/etc/keystone/fernet-keys/0":        keyOld,
	})
	writeFiles(t, new, map[string]string{
		"compute1/etc/ceph/ceph.client.cinder.keyring": "[client.cinder]\n\tkey = " + cephNew + "\n",
		"controller/etc/keystone/fernet-keys/0":        keyNew,
		"compute1/etc/nova/nova.conf.d/50-extra.conf":  "[DEFAULT]\ndebug = true\n",
	})
	_, out, errOut := run(t, "diff", "--format", "json", old, new)
	var d diff.Diff
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v: %s %s", err, out, errOut)
	}
	loads := false
	for _, c := range d.Loads {
		if c.Node == "compute1" && c.Scope == "nova-compute" && c.Name == "etc/nova/nova.conf.d/50-extra.conf" && c.Kind == diff.Added {
			loads = true
		}
	}
	if !loads {
		t.Errorf("the config-dir file nova-compute now loads is not reported: %+v", d.Loads)
	}
	keys := map[string]bool{}
	for _, c := range d.Secrets {
		if c.Kind != diff.Changed || !c.Secret || !fpOnly(c.Old) || !fpOnly(c.New) {
			t.Errorf("key change: %+v", c)
		}
		keys[c.Node+":"+c.Scope] = true
	}
	if !keys["compute1:etc/ceph/ceph.client.cinder.keyring"] || !keys["controller:etc/keystone/fernet-keys/0"] {
		t.Errorf("keys changed: %+v", d.Secrets)
	}
	for _, format := range []string{"text", "markdown", "json"} {
		_, out, _ := run(t, "diff", "--format", format, old, new)
		for _, s := range []string{cephOld, cephNew, keyOld, keyNew, "plantedOld", "plantedNew"} {
			if strings.Contains(out, s) {
				t.Errorf("%s output holds the secret %s", format, s)
			}
		}
		if format != "json" && (!strings.Contains(out, "50-extra.conf") || !strings.Contains(out, "fernet-keys/0") || !strings.Contains(out, "keys changed")) {
			t.Errorf("%s output:\n%s", format, out)
		}
	}
	if _, out, _ := run(t, "diff", new, new); !strings.Contains(out, "\nno change\n") {
		t.Errorf("a snapshot against itself:\n%s", out)
	}
}
