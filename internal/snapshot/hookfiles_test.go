package snapshot

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestHookFilesAgree: every path the classifier reads (each table's
// names, the patterns' samples, rc names, packaged units, dist files),
// under a node folder anywhere in a repository or at its top, matches the
// pre-commit hook's files pattern; and the shipped hook carries exactly
// that pattern.
func TestHookFilesAgree(t *testing.T) {
	re := regexp.MustCompile(HookFiles())
	var read []string
	for p := range iniKinds {
		read = append(read, "etc/"+p)
	}
	for p := range distKinds {
		read = append(read, p)
	}
	for _, p := range readSamples {
		read = append(read, "etc/"+p)
	}
	read = append(read, "etc/hosts", "etc/hostname", "etc/default/nova-compute",
		"usr/lib/systemd/system/openstack-nova-compute.service", "lib/systemd/system/neutron-server.service.d/x.conf",
		"etc/nova/nova.conf.d/10-x.conf", "etc/sysctl.conf")
	for _, p := range read {
		if Classify(p) == "" {
			t.Errorf("sample %s is not read", p)
		}
		for _, at := range []string{"", "node1/", "clouds/prod/ctl/"} {
			if !re.MatchString(at + p) {
				t.Errorf("%s%s: read, but the hook pattern misses it", at, p)
			}
		}
	}
	for _, p := range []string{"etc/kolla/nova-api/config.json", "etc/kolla/nova-api/nova.conf", // container layouts
		"var/lib/config-data/puppet-generated/nova/etc/nova/nova.conf", "var/lib/kolla/config_files/nova_api.json"} {
		if !re.MatchString("ctl/" + p) {
			t.Errorf("%s: read in a container layout, but the hook pattern misses it", p)
		}
	}
	for _, rc := range []string{"keystonerc_admin", ".keystonerc", "admin-openrc", "admin-openrc.sh", "demo.rc", "root/keystonerc_demo", "ctl/root/admin.sh", "localhost/root/demo_rc", "home/stack/admin-rc", ".stacklint.yaml"} {
		if !re.MatchString(rc) {
			t.Errorf("%s: the hook pattern misses it", rc)
		}
	}
	for _, rc := range []string{"keystonerc_admin", "demo_rc", "admin-rc", "admin.rc", "admin.sh", "x-openrc.sh"} {
		if rcName(rc) == rcNot {
			t.Errorf("%s: the classifier does not read it as a possible rc file", rc)
		}
	}
	for _, other := range []string{"README.md", "docs/notes.txt", "setup.py", ".bashrc", "home/u/.npmrc"} {
		if re.MatchString(other) {
			t.Errorf("%s: matched, though stacklint reads no such file", other)
		}
	}
	hooks, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := "  files: '" + HookFiles() + "'"; !strings.Contains(string(hooks), want+"\n") {
		t.Errorf(".pre-commit-hooks.yaml: want the line\n%s", want)
	}
}
