package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// configRepo writes a configuration repository (a .git folder, the
// snapshot two levels down: clouds/prod/<node>/etc) and enters it.
func configRepo(t *testing.T) {
	t.Helper()
	root := t.TempDir()
	tree(t, root, map[string]string{
		".git/HEAD":                                "ref: refs/heads/main\n",
		"clouds/prod/ctl/etc/nova/nova.conf":       "[DEFAULT]\ntransport_url = rabbit://openstack:Rb5t-rabbit@ctl\n[neutron]\npassword = Nt1p-neutron-svc\n",
		"clouds/prod/ctl/etc/neutron/neutron.conf": "[DEFAULT]\ntransport_url = rabbit://openstack:Rb5t-rabbit@ctl\n[keystone_authtoken]\npassword = Nt1p-neutron-svc\nusername = neutron\n",
		"clouds/prod/cmp/etc/nova/nova.conf":       "[DEFAULT]\ntransport_url = rabbit://openstack:Rb5t-rabbit@ctl\n[neutron]\npassword = Wr0ng-old-svc\n[vnc]\nserver_proxyclient_address = MANAGEMENT_INTERFACE_IP_ADDRESS\n",
	})
	t.Chdir(root)
}

// TestFileArguments: file names (pre-commit's pass_filenames) lint the
// snapshot each belongs to whole, wherever it lies in the repository, and
// report only the findings with a location in the named files; a file
// outside any node (.stacklint.yaml) reports every finding.
func TestFileArguments(t *testing.T) {
	configRepo(t)
	code, out, errs := run(t, "--format", "json", "clouds/prod/cmp/etc/nova/nova.conf")
	if code != 1 || !strings.Contains(out, "MANAGEMENT_INTERFACE_IP_ADDRESS") && !strings.Contains(out, "SL-HYG-001") {
		t.Fatalf("the changed compute file's placeholder: exit %d\n%s\n%s", code, out, errs)
	}
	if strings.Contains(out, `"path": "ctl/`) && !strings.Contains(out, `"path": "cmp/`) {
		t.Errorf("findings of other files reported:\n%s", out)
	}
	if !strings.Contains(errs, "1 file named") {
		t.Errorf("no note of the files named: %s", errs)
	}
	// neutron's own password changed: the copy on cmp that no longer agrees
	// is reported (its related location is the named file); cmp's
	// placeholder, which the change does not touch, is not.
	code, out, errs = run(t, "clouds/prod/ctl/etc/neutron/neutron.conf")
	if code != 1 || !strings.Contains(out, "SL-PASS-003") || strings.Contains(out, "SL-HYG-001") {
		t.Errorf("named neutron.conf: exit %d\n%s%s", code, out, errs)
	}
	if err := os.WriteFile(".stacklint.yaml", []byte("release: auto\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, ".stacklint.yaml")
	if code != 1 || !strings.Contains(out, "cmp/etc/nova/nova.conf") {
		t.Errorf(".stacklint.yaml named: every finding expected, exit %d\n%s", code, out)
	}
}

// TestSeveralPaths: several snapshots are linted one after another in the
// text format; formats that hold one snapshot refuse several.
func TestSeveralPaths(t *testing.T) {
	root := t.TempDir()
	tree(t, root, map[string]string{
		"a/ctl/etc/nova/nova.conf": "[DEFAULT]\ndebug = false\n",
		"b/ctl/etc/nova/nova.conf": "[DEFAULT]\ndebug = false\n",
	})
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	code, out, errs := run(t, a, b)
	if code == 2 || strings.Count(out, "on 1 node") != 2 {
		t.Errorf("two snapshots: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "--format", "json", a, b); code != 2 || !strings.Contains(errs, "run once per snapshot") {
		t.Errorf("json with two snapshots: exit %d %s", code, errs)
	}
}
