package snapshot

import (
	"reflect"
	"strings"
	"testing"
)

// sosReport writes a small sos report of host below root/dir: etc/ with
// a nova.conf, sos_commands/ with the hostname command's output (as
// hostnameFile says) and the command outputs stacklint keeps.
func sosReport(t *testing.T, root, dir, hostnameFile, host string) {
	t.Helper()
	files := map[string]string{
		dir + "/etc/nova/nova.conf":                                  "[DEFAULT]\nmy_ip = 10.0.0.31\n",
		dir + "/sos_logs/sos.log":                                    "started\n",
		dir + "/sos_commands/networking/ip_-d_address":               "1: lo: <LOOPBACK,UP> mtu 65536\n",
		dir + "/sos_commands/openvswitch/ovs-vsctl_-t_5_show":        "0b1c\n    Bridge br-int\n",
		dir + "/proc/cpuinfo":                                        "flags\t: fpu vmx\n",
		dir + "/sos_commands/networking/ip_-s_-d_link":               "not read\n",
		dir + "/var/log/nova/nova-compute.log":                       "not read\n",
		dir + "/sos_commands/systemd/systemctl_list-units_--all":     "not read\n",
		dir + "/sos_commands/openvswitch/ovs-vsctl_-t_5_list_bridge": "not read\n",
	}
	if hostnameFile != "" {
		files[dir+"/"+hostnameFile] = host + "\n"
	}
	writeText(t, root, files)
}

// nodeSummary is each node's name, folder, layout and file kinds.
func nodeSummary(s *Snapshot) []string {
	var out []string
	for _, n := range s.Nodes {
		var kinds []string
		for _, f := range n.Files {
			kinds = append(kinds, f.NodePath+"="+f.Kind)
		}
		out = append(out, n.Name+" "+n.Dir+" "+n.Layout+" "+strings.Join(kinds, ","))
	}
	return out
}

// TestSosReportFolders: a folder of sos reports is one node per report,
// named by the report's own host name (the hostname command's output, its
// short name), not by the folder; its command outputs are classified.
func TestSosReportFolders(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "sosreport-cmp1-2024-01-02-abcdef", "sos_commands/host/hostname", "compute1.example.org")
	links(t, root, map[string]string{"sosreport-cmp1-2024-01-02-abcdef/hostname": "sos_commands/host/hostname"})
	sosReport(t, root, "sosreport-ctl-2024-01-02-abcdef", "sos_commands/general/hostname", "controller")
	sosReport(t, root, "sosreport-x-2024", "etc/hostname", "compute2")
	sosReport(t, root, "sosreport-nameless", "", "")
	s := discover(t, root, Options{})
	kinds := "etc/nova/nova.conf=nova.conf,proc/cpuinfo=cpuinfo,sos_commands/networking/ip_-d_address=sos-ip-address,sos_commands/openvswitch/ovs-vsctl_-t_5_show=sos-ovs-show"
	want := []string{
		"compute1 sosreport-cmp1-2024-01-02-abcdef sos-report " + kinds,
		"compute2 sosreport-x-2024 sos-report etc/hostname=hostname," + kinds,
		"controller sosreport-ctl-2024-01-02-abcdef sos-report " + kinds,
		"sosreport-nameless sosreport-nameless sos-report " + kinds,
	}
	if got := nodeSummary(s); !reflect.DeepEqual(got, want) {
		t.Errorf("nodes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			if f.Node != n.Name {
				t.Errorf("%s: node %q, want %q", f.Path, f.Node, n.Name)
			}
		}
	}
	for _, p := range s.Ignored { // logs and other command outputs are not walked
		if strings.Contains(p, "/var/") || strings.Contains(p, "/sos_logs/") || strings.Contains(p, "sos_commands/systemd") {
			t.Errorf("walked %s", p)
		}
	}
	if notes := strings.Join(s.Notes, "\n"); strings.Count(notes, "names no valid host name") != 1 || !strings.Contains(notes, "/sosreport-nameless: ") {
		t.Errorf("notes: %q, want one for sosreport-nameless", s.Notes)
	}
}

// TestSosReportIsPath: PATH may be one sos report: one node named by its
// host name (not etc/hostname's, which sos copies from the machine too).
func TestSosReportIsPath(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "r", "sos_commands/host/hostname", "compute9.lab")
	writeText(t, root, map[string]string{"r/etc/hostname": "stale-name\n"})
	s := discover(t, root+"/r", Options{})
	if len(s.Nodes) != 1 || s.Nodes[0].Name != "compute9" || s.Nodes[0].Layout != LayoutSos || s.Nodes[0].Dir != "" {
		t.Fatalf("nodes: %v", nodeSummary(s))
	}
}

// TestSosSameHostTwice: two reports of one host are both kept, renamed
// apart by folder order, and a note says so.
func TestSosSameHostTwice(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "sosreport-a-1", "sos_commands/host/hostname", "compute1")
	sosReport(t, root, "sosreport-a-2", "sos_commands/host/hostname", "compute1")
	writeText(t, root, map[string]string{"compute1~2/etc/nova/nova.conf": "[DEFAULT]\n"})
	s := discover(t, root, Options{})
	var names []string
	for _, n := range s.Nodes {
		names = append(names, n.Name+"="+n.Dir)
	}
	want := []string{"compute1=sosreport-a-1", "compute1~2=compute1~2", "compute1~3=sosreport-a-2"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("nodes %v, want %v", names, want)
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], "sosreport-a-2") || !strings.Contains(s.Notes[0], "compute1~3") {
		t.Errorf("notes: %q", s.Notes)
	}
	for _, f := range s.Nodes[2].Files {
		if f.Node != "compute1~3" {
			t.Errorf("%s: node %q", f.Path, f.Node)
		}
	}
}

// TestSosHostnameHostile: a hostname link leading out of the report, or
// a hostname file holding no host name, names nothing.
func TestSosHostnameHostile(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "rep", "", "")
	links(t, root, map[string]string{"rep/hostname": "/etc/hostname", "rep/sos_commands/host/hostname": "../../../../../etc/shadow"})
	writeText(t, root, map[string]string{"rep/sos_commands/general/hostname": "root:x:0:0 not a name\n"})
	s := discover(t, root, Options{})
	if len(s.Nodes) != 1 || s.Nodes[0].Name != "rep" {
		t.Fatalf("nodes: %v", nodeSummary(s))
	}
}

// TestSnapshotsBelowSos: a folder of sos reports deeper than PATH is
// named as a snapshot below (the "nothing to check" hint).
func TestSnapshotsBelowSos(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "cases/0042/sosreport-a-1", "sos_commands/host/hostname", "compute1")
	if got := SnapshotsBelow(root); !reflect.DeepEqual(got, []string{"cases/0042"}) {
		t.Errorf("below: %v", got)
	}
}

// TestSosReportOfTripleONode: sos's tripleo plugin collects
// var/lib/config-data/puppet-generated and var/lib/kolla/config_files;
// the report's node reads its containers' files there (the rest of var/
// is not walked).
func TestSosReportOfTripleONode(t *testing.T) {
	root := t.TempDir()
	sosReport(t, root, "sosreport-ctl-1", "sos_commands/host/hostname", "controller")
	writeText(t, root, map[string]string{
		"sosreport-ctl-1/var/lib/config-data/puppet-generated/nova/etc/nova/nova.conf": "[DEFAULT]\nmy_ip = 10.0.0.11\n",
		"sosreport-ctl-1/var/lib/kolla/config_files/nova_api.json":                     `{"command": "/usr/bin/nova-api", "config_files": []}`,
		"sosreport-ctl-1/var/lib/misc/x.conf":                                          "not read\n",
	})
	s := discover(t, root, Options{})
	var got []string
	for _, f := range s.Nodes[0].Files {
		if strings.HasPrefix(f.NodePath, "var/") {
			got = append(got, f.NodePath+"="+f.Kind)
		}
	}
	if len(got) == 0 || !strings.Contains(strings.Join(got, ","), "puppet-generated/nova/etc/nova/nova.conf=nova.conf") {
		t.Errorf("TripleO files of the report: %v (layout %s)", got, s.Nodes[0].Layout)
	}
	for _, p := range s.Ignored {
		if strings.Contains(p, "var/lib/misc") || strings.Contains(p, "var/log") {
			t.Errorf("walked %s", p)
		}
	}
}
