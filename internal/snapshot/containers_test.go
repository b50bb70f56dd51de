package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kollaConfig is a kolla config.json landing each source (relative to the
// container folder) at its dest; a "?" prefix marks the entry optional.
func kollaConfig(command string, pairs ...string) string {
	var entries []string
	for i := 0; i+1 < len(pairs); i += 2 {
		src, opt := strings.CutPrefix(pairs[i], "?")
		e := `{"source": "/var/lib/kolla/config_files/` + src + `", "dest": "` + pairs[i+1] + `", "owner": "nova", "perm": "0600"`
		if opt {
			e += `, "optional": true`
		}
		entries = append(entries, "        "+e+"}")
	}
	return "{\n    \"command\": \"" + command + "\",\n    \"config_files\": [\n" + strings.Join(entries, ",\n") + "\n    ]\n}\n"
}

func fileAt(s *Snapshot, p string) *File {
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			if f.Path == p {
				return f
			}
		}
	}
	return nil
}

// TestKollaLayout: a kolla-ansible node's container files are classified by
// where config.json lands them (folders and globs too), keep their host
// paths, and files config.json does not name are not read.
func TestKollaLayout(t *testing.T) {
	root := t.TempDir()
	writeText(t, root, map[string]string{
		"ctl/etc/hosts":                                     "10.0.0.11 ctl\n",
		"ctl/etc/kolla/nova-api/config.json":                kollaConfig("nova-api", "nova.conf", "/etc/nova/nova.conf", "?policy.yaml", "/etc/nova/policy.yaml", "?absent.conf", "/etc/nova/absent.conf"),
		"ctl/etc/kolla/nova-api/nova.conf":                  "[DEFAULT]\n",
		"ctl/etc/kolla/nova-api/stray.conf":                 "[DEFAULT]\n",
		"ctl/etc/kolla/neutron-server/config.json":          kollaConfig("neutron-server --config-file /etc/neutron/neutron.conf", "neutron.conf", "/etc/neutron/", "ml2", "/etc/neutron/plugins/ml2", "neutron-*.ini", "/etc/neutron/"),
		"ctl/etc/kolla/neutron-server/neutron.conf":         "[DEFAULT]\n",
		"ctl/etc/kolla/neutron-server/ml2/ml2_conf.ini":     "[ml2]\n",
		"ctl/etc/kolla/neutron-server/neutron-l3_agent.ini": "[DEFAULT]\n",
		"ctl/etc/kolla/memcached/config.json":               `{"command": "/usr/bin/memcached -l 10.0.0.11"}`,
		"cmp/etc/nova/nova.conf":                            "[DEFAULT]\n",
	})
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	if s.Nodes[0].Layout != LayoutPackage || s.Nodes[1].Layout != LayoutKolla {
		t.Fatalf("layouts: %s %s", s.Nodes[0].Layout, s.Nodes[1].Layout)
	}
	var names []string
	for _, c := range s.Nodes[1].Containers {
		names = append(names, c.Name+"="+c.Source)
	}
	if got := strings.Join(names, " "); got != "memcached=etc/kolla/memcached neutron-server=etc/kolla/neutron-server nova-api=etc/kolla/nova-api" {
		t.Errorf("containers: %s", got)
	}
	want := map[string][2]string{
		"ctl/etc/kolla/nova-api/nova.conf":                  {"nova.conf", "/etc/nova/nova.conf"},
		"ctl/etc/kolla/neutron-server/neutron.conf":         {"neutron.conf", "/etc/neutron/neutron.conf"},
		"ctl/etc/kolla/neutron-server/ml2/ml2_conf.ini":     {"ml2_conf.ini", "/etc/neutron/plugins/ml2/ml2_conf.ini"},
		"ctl/etc/kolla/nova-api/config.json":                {KindContainerConfig, ""},
		"ctl/etc/kolla/memcached/config.json":               {KindContainerConfig, ""},
		"ctl/etc/kolla/neutron-server/neutron-l3_agent.ini": {"", ""}, // lands at /etc/neutron/neutron-l3_agent.ini: no kind
		"ctl/etc/kolla/nova-api/stray.conf":                 {"", ""},
	}
	for p, w := range want {
		f := fileAt(s, p)
		switch {
		case w[0] == "" && f != nil:
			t.Errorf("%s read as %s", p, f.Kind)
		case w[0] != "" && f == nil:
			t.Errorf("%s not read", p)
		case f != nil && (f.Kind != w[0] || f.Dest != w[1]):
			t.Errorf("%s: kind %q dest %q, want %q %q", p, f.Kind, f.Dest, w[0], w[1])
		}
	}
	if f := fileAt(s, "ctl/etc/kolla/nova-api/config.json"); f == nil || f.Fault != nil {
		t.Errorf("an optional missing source is no fault: %+v", f)
	}
}

// TestKollaConfigFaults: a config.json that is not JSON, names a required
// source its folder does not hold, or is too large is the file's fault
// with its line; nothing lands from it and the other containers are read.
func TestKollaConfigFaults(t *testing.T) {
	root := t.TempDir()
	writeText(t, root, map[string]string{
		"n/etc/kolla/nova-api/config.json":       "{\n  \"command\": \"nova-api\",\n  \"config_files\": [\n    {\"source\": \"/var/lib/kolla/config_files/nova.conf\" \"dest\": \"/etc/nova/nova.conf\"}\n  ]\n}\n",
		"n/etc/kolla/nova-api/nova.conf":         "[DEFAULT]\n",
		"n/etc/kolla/nova-conductor/config.json": kollaConfig("nova-conductor", "nova.conf", "/etc/nova/nova.conf", "nova-extra.conf", "/etc/nova/nova.conf.d/extra.conf"),
		"n/etc/kolla/nova-conductor/nova.conf":   "[DEFAULT]\n",
		"n/etc/kolla/nova-compute/config.json":   `{"command": "nova-compute", "config_files": "nova.conf"}`,
		"n/etc/kolla/glance-api/config.json":     kollaConfig("glance-api", "glance-api.conf", "/etc/glance/glance-api.conf") + strings.Repeat(" ", maxContainerConfig),
		"n/etc/kolla/glance-api/glance-api.conf": "[DEFAULT]\n",
		"n/etc/kolla/placement-api/config.json":  kollaConfig("placement-api", many(4100)...),
	})
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	faults := map[string]string{
		"nova-api":       "4:56 not JSON: invalid character '\"' after object key:value pair",
		"nova-conductor": "5:20 source \"/var/lib/kolla/config_files/nova-extra.conf\" is not in etc/kolla/nova-conductor/ and is not optional",
		"nova-compute":   "1:55 \"config_files\" is a JSON string where kolla expects a list",
		"glance-api":     "1:1 larger than 1048576 bytes, not read: a kolla config file is a few KB",
		"placement-api":  "1:1 more than 4096 config_files entries (stacklint reads no more), the rest not read",
	}
	for c, want := range faults {
		f := fileAt(s, "n/etc/kolla/"+c+"/config.json")
		if f == nil || f.Fault == nil {
			t.Errorf("%s: no fault: %+v", c, f)
			continue
		}
		if got := fmtFault(f.Fault); got != want {
			t.Errorf("%s: fault %q, want %q", c, got, want)
		}
	}
	if f := fileAt(s, "n/etc/kolla/nova-api/nova.conf"); f != nil {
		t.Errorf("a file of an unreadable config.json landed: %+v", f)
	}
	if f := fileAt(s, "n/etc/kolla/nova-conductor/nova.conf"); f == nil || f.Kind != "nova.conf" {
		t.Errorf("the other entries of a config.json with a missing source: %+v", f)
	}
}

// many is n optional config_files pairs.
func many(n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("?f%d.conf", i), "/etc/placement/placement.conf")
	}
	return out
}

func fmtFault(f *Fault) string {
	return fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Msg)
}

// TestKollaHostile: sources that climb out of kolla's config folder land
// nothing, a dest with ".." stays inside the container's tree, and links in a
// container folder resolve inside the node as everywhere else.
func TestKollaHostile(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.conf")
	if err := os.WriteFile(outside, []byte("[database]\nconnection = mysql://x:stolen@h/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeText(t, root, map[string]string{
		"n/etc/shadow.conf":                      "[DEFAULT]\n",
		"n/etc/kolla/nova-api/config.json":       kollaConfig("nova-api", "../../../../etc/shadow.conf", "/etc/nova/nova.conf", "nova.conf", "/../../../etc/nova/nova-compute.conf", "link.conf", "/etc/nova/nova.conf.d/link.conf", "out.conf", "/etc/nova/nova.conf.d/out.conf"),
		"n/etc/kolla/nova-api/nova.conf":         "[DEFAULT]\n",
		"n/etc/kolla/glance-api/config.json":     kollaConfig("glance-api", "glance-api.conf", "/etc/glance/glance-api.conf"),
		"n/etc/kolla/glance-api/glance-api.conf": "[DEFAULT]\n",
	})
	if err := os.Symlink("/etc/shadow.conf", filepath.Join(root, "n/etc/kolla/nova-api/link.conf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(root, "n/etc/kolla/nova-api/out.conf")); err != nil {
		t.Fatal(err)
	}
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			if strings.Contains(string(f.Data()), "stolen") {
				t.Errorf("%s read from outside the snapshot", f.Path)
			}
			if f.Path == "n/etc/shadow.conf" {
				t.Errorf("a source outside the container folder was read: %+v", f)
			}
		}
	}
	if f := fileAt(s, "n/etc/kolla/nova-api/nova.conf"); f == nil || f.Dest != "/etc/nova/nova-compute.conf" || f.Kind != "nova-compute.conf" {
		t.Errorf("dest with ..: %+v", f)
	}
	if f := fileAt(s, "n/etc/kolla/nova-api/link.conf"); f == nil || f.Kind != "nova.conf.d" || !strings.HasSuffix(f.Abs, "/n/etc/shadow.conf") {
		t.Errorf("a link in a container folder resolves inside the node: %+v", f)
	}
	if p := problems(s)["n/etc/kolla/nova-api/out.conf"]; !strings.Contains(p, "not in the snapshot") {
		t.Errorf("a link out of the snapshot: %q", p)
	}
	if f := fileAt(s, "n/etc/kolla/glance-api/glance-api.conf"); f == nil || f.Kind != "glance-api.conf" {
		t.Errorf("the next container: %+v", f)
	}
}

// TestTripleOLayout: TripleO's puppet-generated folders land at "/" in
// their containers, each container is matched to its folder, and the
// host's own copies of containerised services' files are not read.
func TestTripleOLayout(t *testing.T) {
	root := t.TempDir()
	pg := "ctl/var/lib/config-data/puppet-generated/"
	writeText(t, root, map[string]string{
		"ctl/etc/hosts":                                    "10.0.0.11 ctl\n",
		"ctl/etc/nova/nova.conf":                           "[DEFAULT]\n",
		"ctl/etc/neutron/neutron.conf":                     "[DEFAULT]\n",
		pg + "nova/etc/nova/nova.conf":                     "[DEFAULT]\n",
		pg + "nova/etc/hosts":                              "10.9.9.9 evil\n",
		pg + "nova_libvirt/etc/nova/nova.conf":             "[DEFAULT]\n",
		pg + "glance_api/etc/glance/glance-api.conf":       "[DEFAULT]\n",
		"ctl/var/lib/kolla/config_files/nova_api.json":     `{"command": "/usr/sbin/httpd -DFOREGROUND", "config_files": [{"source": "/var/lib/kolla/config_files/src/*", "dest": "/", "merge": true}]}`,
		"ctl/var/lib/kolla/config_files/nova_compute.json": `{"command": "/usr/bin/nova-compute", "config_files": [{"source": "/var/lib/kolla/config_files/src/*", "dest": "/", "merge": true}]}`,
		"ctl/var/lib/kolla/config_files/glance_api.json":   `{"command": "/usr/bin/glance-api"}`,
		"ctl/var/lib/kolla/config_files/mysql.json":        `{"command": "/usr/sbin/pacemaker_remoted"}`,
	})
	for link, to := range map[string]string{
		pg + "nova/etc/nova/nova-compute.conf": "/etc/nova/nova.conf",                           // the folder's own
		pg + "nova/etc/nova/policy.yaml":       "../../../../../../../../../../etc/nova/x.yaml", // climbs to the folder's root only
	} {
		if err := os.Symlink(to, filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}
	writeText(t, root, map[string]string{"ctl/etc/nova/x.yaml": "a: b\n"})
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	n := s.Nodes[0]
	if f := fileAt(s, pg+"nova/etc/nova/nova-compute.conf"); f == nil || !strings.HasSuffix(f.Abs, "/puppet-generated/nova/etc/nova/nova.conf") {
		t.Errorf("an absolute link in a service folder leads to the folder's own file: %+v", f)
	}
	if f := fileAt(s, pg+"nova/etc/nova/policy.yaml"); f != nil {
		t.Errorf("a link climbing out of the service folder was read: %+v", f)
	}
	if n.Layout != LayoutTripleO {
		t.Fatalf("layout %s", n.Layout)
	}
	var names []string
	for _, c := range n.Containers {
		names = append(names, c.Name+"="+strings.TrimPrefix(c.Source, tripleoDir+"/"))
	}
	if got := strings.Join(names, " "); got != "glance_api=glance_api nova_api=nova nova_compute=nova_libvirt" {
		t.Errorf("containers: %s", got)
	}
	for _, p := range []string{"ctl/etc/nova/nova.conf", pg + "nova/etc/hosts"} {
		if f := fileAt(s, p); f != nil {
			t.Errorf("%s read as %s", p, f.Kind)
		}
	}
	if f := fileAt(s, pg+"nova_libvirt/etc/nova/nova.conf"); f == nil || f.Kind != "nova.conf" || f.Dest != "/etc/nova/nova.conf" {
		t.Errorf("puppet-generated file: %+v", f)
	}
	for p, kind := range map[string]string{"ctl/etc/hosts": KindHosts, "ctl/etc/neutron/neutron.conf": "neutron.conf"} {
		if f := fileAt(s, p); f == nil || f.Kind != kind {
			t.Errorf("the host's own files (and services not in containers) are read: %s %+v", p, f)
		}
	}
}
