package snapshot

import (
	"archive/tar"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// packFolder is the members of the folder dir as sos archives it: below
// the folder's own name, links kept as links.
func packFolder(t *testing.T, dir string) []entry {
	t.Helper()
	var out []entry
	parent := filepath.Dir(dir)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(parent, p)
		name := filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			out = append(out, entry{name: name + "/", typ: tar.TypeDir})
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out = append(out, entry{name: name, typ: tar.TypeSymlink, link: link})
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, entry{name: name, body: string(b)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// containerView is what discovery says of a snapshot's container nodes,
// paths relative to each node's folder: layouts, containers, the files
// read (kind, where each lands, its fault, a digest of its bytes) and
// the problems' paths and kinds.
func containerView(s *Snapshot) []string {
	var out []string
	for _, n := range s.Nodes {
		in := func(p string) string { return n.Name + ":" + strings.TrimPrefix(p, n.Dir+"/") }
		out = append(out, n.Name+" layout "+n.Layout)
		for _, c := range n.Containers {
			out = append(out, fmt.Sprintf("%s container %s %s %q %s", n.Name, c.Name, in(c.Config), c.Command, c.Source))
		}
		for _, f := range n.Files {
			fault := ""
			if f.Fault != nil {
				fault = fmtFault(f.Fault)
			}
			out = append(out, fmt.Sprintf("%s file %s %s dest=%s fault=%q sum=%x", n.Name, in(f.Path), f.Kind, f.Dest, fault, f.Sum()))
		}
		for _, p := range s.Problems {
			if strings.HasPrefix(p.Path, n.Dir+"/") {
				out = append(out, fmt.Sprintf("%s problem %s %s", n.Name, in(p.Path), p.Kind))
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestSosArchiveContainers: sos reports of a kolla-ansible node and of a
// TripleO node, as folders and as .tar.gz and .tar.xz archives, give the
// same layouts (sos-report), containers, landings, config file faults and
// problems: one detection for both readers, bounded the same way (a
// config.json over its size bound or with too many entries, sources out of
// the container folder, links climbing out of the node). (A link to a
// file the archive reader does not keep, such as etc/shadow.conf, is a
// problem in an archive: archive.go.)
func TestSosArchiveContainers(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.conf")
	writeText(t, filepath.Dir(outside), map[string]string{"secret.conf": "[database]\nconnection = mysql://x:stolen@h/x\n"})
	k, pg := "sosreport-ctl-x/", "sosreport-tri-x/var/lib/config-data/puppet-generated/"
	writeText(t, root, map[string]string{
		k + "sos_commands/host/hostname":                               "ctl.example.org\n",
		k + "etc/shadow.conf":                                          "[DEFAULT]\n",
		k + "etc/nova/nova.conf":                                       "[DEFAULT]\nhost = host-copy\n",
		k + "etc/kolla/nova-api/config.json":                           kollaConfig("nova-api", "nova.conf", "/etc/nova/nova.conf", "?policy.yaml", "/etc/nova/policy.yaml", "../../../../etc/shadow.conf", "/etc/nova/nova.conf.d/a.conf", "link.conf", "/etc/nova/nova.conf.d/link.conf", "out.conf", "/etc/nova/nova.conf.d/out.conf"),
		k + "etc/kolla/nova-api/nova.conf":                             "[DEFAULT]\nhost = api\n",
		k + "etc/kolla/nova-api/stray.conf":                            "[DEFAULT]\n",
		k + "etc/kolla/neutron-server/config.json":                     kollaConfig("neutron-server", "neutron.conf", "/etc/neutron/", "ml2", "/etc/neutron/plugins/ml2", "neutron-*.ini", "/etc/neutron/"),
		k + "etc/kolla/neutron-server/neutron.conf":                    "[DEFAULT]\n",
		k + "etc/kolla/neutron-server/ml2/ml2_conf.ini":                "[ml2]\n",
		k + "etc/kolla/nova-conductor/config.json":                     kollaConfig("nova-conductor", "nova.conf", "/etc/nova/nova.conf", "missing.conf", "/etc/nova/x.conf"),
		k + "etc/kolla/nova-conductor/nova.conf":                       "[DEFAULT]\nhost = conductor\n",
		k + "etc/kolla/nova-compute/config.json":                       "{\n  \"command\": \"nova-compute\",\n  \"config_files\": [\n    {\"source\": \"x\" \"dest\": \"y\"}\n  ]\n}\n",
		k + "etc/kolla/glance-api/config.json":                         kollaConfig("glance-api", "glance-api.conf", "/etc/glance/glance-api.conf") + strings.Repeat(" ", maxContainerConfig),
		k + "etc/kolla/glance-api/glance-api.conf":                     "[DEFAULT]\n",
		k + "etc/kolla/placement-api/config.json":                      kollaConfig("placement-api", many(300)...),
		"sosreport-tri-x/sos_commands/host/hostname":                   "tri\n",
		"sosreport-tri-x/etc/hosts":                                    "10.0.0.11 tri\n",
		"sosreport-tri-x/etc/nova/nova.conf":                           "[DEFAULT]\n",
		"sosreport-tri-x/var/log/nova/nova-api.log":                    "not read\n",
		pg + "nova/etc/nova/nova.conf":                                 "[DEFAULT]\nhost = tripleo\n",
		pg + "nova/etc/hosts":                                          "10.9.9.9 evil\n",
		pg + "nova_libvirt/etc/nova/nova.conf":                         "[DEFAULT]\n",
		"sosreport-tri-x/etc/nova/x.yaml":                              "a: b\n",
		"sosreport-tri-x/var/lib/kolla/config_files/nova_api.json":     `{"command": "/usr/sbin/httpd -DFOREGROUND", "config_files": [{"source": "/var/lib/kolla/config_files/src/*", "dest": "/", "merge": true}]}`,
		"sosreport-tri-x/var/lib/kolla/config_files/nova_compute.json": `{"command": "/usr/bin/nova-compute"}`,
		"sosreport-tri-x/var/lib/kolla/config_files/mysql.json":        `{"command": "/usr/sbin/pacemaker_remoted"`,
	})
	links(t, root, map[string]string{
		k + "etc/kolla/nova-api/link.conf":      "../../../../../etc/kolla/nova-conductor/nova.conf",
		k + "etc/kolla/nova-api/out.conf":       outside,
		pg + "nova/etc/nova/nova-compute.conf":  "/etc/nova/nova.conf",
		pg + "nova/etc/nova/policy.yaml":        "../../../../../../../../../../etc/nova/x.yaml",
		"sosreport-tri-x/var/lib/config-data/x": "/var/lib/config-data/x",
	})
	folder, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	want := containerView(folder)
	for _, f := range []string{"nova-api/nova.conf nova.conf dest=/etc/nova/nova.conf", "tri file tri:var/lib/config-data/puppet-generated/nova/etc/nova/nova-compute.conf nova-compute.conf", "ctl layout sos-report", "tri container nova_api"} {
		if !strings.Contains(strings.Join(want, "\n"), f) {
			t.Fatalf("folders: no %q in\n%s", f, strings.Join(want, "\n"))
		}
	}
	for _, ext := range []string{".tar.gz", ".tar.xz"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			for _, r := range []string{"sosreport-ctl-x", "sosreport-tri-x"} {
				writeArchive(t, dir, r+ext, packFolder(t, filepath.Join(root, r)))
			}
			s, err := Discover(dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := containerView(s); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("archives:\n%s\n\nfolders:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			for _, n := range s.Nodes {
				for _, f := range n.Files {
					if strings.Contains(string(f.Data()), "stolen") {
						t.Errorf("%s read from outside the archive", f.Path)
					}
				}
			}
		})
	}
}
