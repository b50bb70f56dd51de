package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// typoSecrets is a nova.conf whose secrets sit under names no schema
// registers: misspellings of secret options, a site's own secret-looking
// options, and an option of a section nova does not know (red team of
// issue 21).
const typoSecrets = "[DEFAULT]\nmy_ip = 10.0.0.11\nmetadata_proxy_shared_secrt = PlantTy1a\n" +
	"[keystone_authtoken]\npasword = PlantTy1b\nadmin_pass = PlantTy1c\nauth_url = http://ctl:5000/\n" +
	"[site_extras]\ncredential = PlantTy1d\napi_key = PlantTy1e\nservice_passwrd = PlantTy1f\n"

// TestMisspelledSecretNames: the values of unregistered options whose
// names look secret (typos of secret options, admin_pass, credential) are
// fingerprints in the model (inspect --model, what a custom rule reads),
// and absent from lint's outputs, inspect and diff.
func TestMisspelledSecretNames(t *testing.T) {
	root := t.TempDir()
	old := filepath.Join(root, "old")
	snap := filepath.Join(root, "new")
	for _, d := range []string{old, snap} {
		if err := os.MkdirAll(filepath.Join(d, "controller/etc/nova"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(old, "controller/etc/nova/nova.conf"), "[DEFAULT]\nmy_ip = 10.0.0.11\n")
	writeFile(t, filepath.Join(snap, "controller/etc/nova/nova.conf"), typoSecrets)
	planted := []string{"PlantTy1a", "PlantTy1b", "PlantTy1c", "PlantTy1d", "PlantTy1e", "PlantTy1f"}
	outputs := map[string]string{
		"inspect --model": run("inspect", "--model", snap),
		"inspect":         run("inspect", "--format", "json", snap),
		"json":            run("--format", "json", "--verbose", snap),
		"text":            run("--verbose", snap),
		"diff":            run("diff", "--format", "json", old, snap),
	}
	for name, out := range outputs {
		for _, s := range planted {
			if strings.Contains(out, s) {
				t.Errorf("%s prints planted secret %s", name, s)
			}
		}
	}
	// Positive control: the model holds the options, as fingerprints.
	m := outputs["inspect --model"]
	for _, want := range []string{`"metadata_proxy_shared_secrt"`, `"pasword"`, `"credential"`, `"service_passwrd"`, `"value": "fp:`} {
		if !strings.Contains(m, want) {
			t.Errorf("inspect --model lacks %s", want)
		}
	}
	if !strings.Contains(outputs["diff"], "metadata_proxy_shared_secrt") {
		t.Errorf("diff does not name the new option:\n%s", outputs["diff"])
	}
}
