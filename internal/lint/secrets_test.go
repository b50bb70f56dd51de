package lint_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/internal/secret"
)

var (
	iniAssign = regexp.MustCompile(`(?m)^(\w+)(\s*=\s*)(.+)$`)
	urlPass   = regexp.MustCompile(`(://[^:/@\s]+:)([^@\s]+)(@)`)
)

// plantSecrets copies the modern deployment and gives every secret a value
// of its own; it returns the snapshot and the planted values.
func plantSecrets(t *testing.T) (string, []string) {
	dst := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dst)
	var planted []string
	n := 0
	next := func() string {
		n++
		v := fmt.Sprintf("Planted%03dSecretValue", n)
		planted = append(planted, v)
		return v
	}
	err := filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := urlPass.ReplaceAllStringFunc(string(b), func(m string) string {
			sub := urlPass.FindStringSubmatch(m)
			return sub[1] + next() + sub[3]
		})
		s = iniAssign.ReplaceAllStringFunc(s, func(m string) string {
			sub := iniAssign.FindStringSubmatch(m)
			if !secret.IsKey(sub[1]) {
				return m
			}
			return sub[1] + sub[2] + next()
		})
		s = regexp.MustCompile(`OS_PASSWORD=\S+`).ReplaceAllStringFunc(s, func(string) string { return "OS_PASSWORD=" + next() })
		return os.WriteFile(p, []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// A parse error whose message quotes a password line.
	bad := next()
	writeFile(t, filepath.Join(dst, "compute2/etc/neutron/plugins/ml2/linuxbridge_agent.ini"), "[vxlan]\n  password = "+bad+"\n")
	// Host files read as directives: my.cnf, rabbitmq.conf, haproxy stats.
	for _, hf := range []struct{ path, text string }{
		{"controller/etc/my.cnf.d/openstack.cnf", "[client]\npassword = %s\n[mysqld]\nbind-address = 10.0.0.11\n"},
		{"controller/etc/rabbitmq/rabbitmq.conf", "default_user = openstack\ndefault_pass = %s\n"},
		{"controller/etc/haproxy/haproxy.cfg", "listen stats\n  bind 10.0.0.11:1993\n  stats auth admin:%s\n"},
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, hf.path)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, hf.path), fmt.Sprintf(hf.text, next()))
	}
	// Options only the release's schema flags secret (names that do not
	// look secret): castellan's [key_manager] token, keystone's cache
	// backend_argument.
	appendFile(t, filepath.Join(dst, "controller/etc/glance/glance-api.conf"), "\n[key_manager]\ntoken = "+next()+"\n")
	appendFile(t, filepath.Join(dst, "controller/etc/keystone/keystone.conf"), "\n[cache]\nbackend_argument = "+next()+"\n")
	return dst, planted
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestKeyFilesNeverShown: keystone key files are fingerprinted only; no
// output (inspect with --show-secrets included) prints their content.
func TestKeyFilesNeverShown(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dst)
	key := "PlantedFernetKeyValue0123456789abcdefABCDEF="
	if err := os.MkdirAll(filepath.Join(dst, "controller/etc/keystone/fernet-keys"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dst, "controller/etc/keystone/fernet-keys/0"), key+"\n")
	for _, args := range [][]string{{"--format", "json"}, {"--format", "text", "--verbose"}, {"inspect", "--format", "json"}, {"inspect", "--show-secrets", "--format", "json"}} {
		if out := run(append(args, dst)...); strings.Contains(out, key) {
			t.Errorf("%v prints the fernet key", args)
		}
	}
}

func writeFile(t *testing.T, p, s string) {
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(args ...string) string {
	var out, errb bytes.Buffer
	cli.Execute(context.Background(), args, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	return out.String() + errb.String()
}

func TestNoSecretInAnyOutput(t *testing.T) {
	snap, planted := plantSecrets(t)
	t.Logf("%d secrets planted", len(planted))
	if len(planted) < 20 {
		t.Fatalf("only %d secrets planted", len(planted))
	}
	outputs := map[string]string{
		"text":          run("--format", "text", snap),
		"json":          run("--format", "json", snap),
		"sarif":         run("--format", "sarif", snap),
		"junit":         run("--format", "junit", snap),
		"github":        run("--format", "github", snap),
		"html":          run("--format", "html", snap),
		"inspect":       run("inspect", "--format", "json", snap),
		"inspect-file":  run("inspect", "--format", "json", filepath.Join(snap, "compute2/etc/neutron/plugins/ml2/linuxbridge_agent.ini")),
		"inspect-model": run("inspect", "--model", snap),
	}
	if !strings.Contains(outputs["inspect-model"], `"model_version"`) {
		t.Fatalf("inspect --model printed no model:\n%.2000s", outputs["inspect-model"])
	}
	// diff: every planted secret is a change from the pristine copy (and
	// back), each format searched.
	pristine := filepath.Join(testdata, "deployments", "modern-linuxbridge")
	for _, f := range []string{"text", "json", "markdown"} {
		outputs["diff-"+f] = run("diff", "--format", f, pristine, snap)
		outputs["diff-back-"+f] = run("diff", "--format", f, snap, pristine)
	}
	if !strings.Contains(outputs["diff-text"], "changed (fp:") || !strings.Contains(outputs["diff-json"], `"secret": true`) {
		t.Fatalf("diff reports no secret change:\n%s", outputs["diff-text"])
	}
	for _, f := range report.Formats() {
		if _, ok := outputs[f]; !ok {
			t.Errorf("format %s is not searched for secrets", f)
		}
	}
	if !strings.Contains(outputs["json"], "SL-PASS-009") || !strings.Contains(outputs["json"], "SL-PARSE-001") {
		t.Fatalf("the rules did not fire:\n%s", outputs["json"])
	}
	for name, out := range outputs {
		for _, v := range planted {
			if strings.Contains(out, v) {
				t.Errorf("%s output contains the planted secret %s", name, v)
			}
		}
	}
	// Positive control: the secrets are really in the snapshot.
	shown := run("inspect", "--show-secrets", "--format", "json", snap)
	for _, v := range planted {
		if !strings.Contains(shown, v) {
			t.Errorf("planted secret %s not found even with --show-secrets", v)
		}
	}
}

// TestCephKeysNeverShown: a cephx keyring's key (and a key written in
// ceph.conf) is fingerprinted only; no output, inspect --show-secrets
// included, prints it, also when a Ceph rule reports on the node.
func TestCephKeysNeverShown(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-ceph"), dst)
	ring, inConf := "AQBPlantedCephKeyringValue0123456789abc==", "AQBPlantedCephConfKeyValue0123456789abc=="
	writeFile(t, filepath.Join(dst, "storage1/etc/ceph/ceph.client.cinder.keyring"), "[client.cinder]\n\tkey = "+ring+"\n\tcaps mon = \"profile rbd\"\n")
	appendFile(t, filepath.Join(dst, "compute1/etc/ceph/ceph.conf"), "[client.cinder]\nkey = "+inConf+"\n")
	// A key written without "=": Ceph reads an option named after it.
	noEquals := "AQBPlantedCephKeyNoEqualsSign0123456789ab=="
	writeFile(t, filepath.Join(dst, "compute1/etc/ceph/ceph.client.nova.keyring"), "[client.nova]\n\tkey "+noEquals+"\n")
	// A fault a Ceph rule reports on the node holding the keyring.
	appendFile(t, filepath.Join(dst, "storage1/etc/ceph/ceph.conf"), "[global]\nmon host = 10.9.9.9\n")
	ringFile := filepath.Join(dst, "storage1/etc/ceph/ceph.client.cinder.keyring")
	for _, args := range [][]string{
		{"--format", "json", dst}, {"--format", "text", "--verbose", dst}, {"--format", "html", dst}, {"--format", "sarif", dst},
		{"inspect", "--format", "json", dst}, {"inspect", "--show-secrets", "--format", "json", dst},
		{"inspect", "--show-secrets", "--format", "json", ringFile},
	} {
		out := run(args...)
		if strings.Contains(out, ring) || strings.Contains(out, inConf) || strings.Contains(out, strings.TrimSuffix(noEquals, "==")) {
			t.Errorf("%v prints a Ceph key", args)
		}
	}
	if out := run("--format", "json", dst); !strings.Contains(out, "SL-CEPH-001") {
		t.Errorf("the Ceph rule did not fire:\n%s", out)
	}
	if out := run("inspect", "--format", "json", dst); !strings.Contains(out, `"name":"key","value":"fp:`) {
		t.Errorf("inspect does not show the keyring's key as a fingerprint")
	}
}
