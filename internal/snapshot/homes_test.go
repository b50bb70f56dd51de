package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNodesOfRCFiles: a folder holding rc files in root/ or home/<user>/
// and no etc/ is a node (Packstack's /root/keystonerc_admin, seed 002),
// its rc files carry its name, demo_rc is read as an rc file for setting
// OS_AUTH_URL; PATH itself is such a node when no folder below it is one;
// a folder whose root/ holds no rc file name, and a *_rc file without
// OS_AUTH_URL, are not.
func TestNodesOfRCFiles(t *testing.T) {
	rc := "export OS_USERNAME=demo\nexport OS_AUTH_URL=http://10.0.2.15:5000/v3\n"
	files := map[string]string{
		"localhost/root/keystonerc_admin":  rc,
		"localhost/root/demo_rc":           rc,
		"localhost/root/notes_rc":          "export PS1='$ '\n", // no OS_AUTH_URL: not an rc file
		"devstack/home/stack/admin-openrc": rc,
		"website/root/index.html":          "<html>\n",
		"ctl/etc/nova/nova.conf":           "[DEFAULT]\n",
	}
	root := t.TempDir()
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			got[n.Name] = append(got[n.Name], f.Path+" "+f.Kind+" "+f.Node)
		}
		if len(n.Files) == 0 {
			got[n.Name] = nil
		}
	}
	want := map[string][]string{
		"ctl":       {"ctl/etc/nova/nova.conf nova.conf ctl"},
		"devstack":  {"devstack/home/stack/admin-openrc rc devstack"},
		"localhost": {"localhost/root/demo_rc rc localhost", "localhost/root/keystonerc_admin rc localhost"},
	}
	if len(got) != len(want) || len(s.Loose) != 0 {
		t.Fatalf("nodes %v, loose %v; want %v", got, s.Loose, want)
	}
	for n, w := range want {
		if len(got[n]) != len(w) || got[n][0] != w[0] || got[n][len(w)-1] != w[len(w)-1] {
			t.Errorf("%s: %v, want %v", n, got[n], w)
		}
	}
	// PATH is the node itself
	s, err = Discover(filepath.Join(root, "localhost"))
	if err != nil || len(s.Nodes) != 1 || s.Nodes[0].Name != "localhost" || len(s.Nodes[0].Files) != 2 {
		t.Fatalf("PATH = localhost: %v %+v", err, s)
	}
	deep := t.TempDir()
	if err := os.MkdirAll(filepath.Join(deep, "clouds", "prod", "localhost", "root"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(deep, "clouds", "prod", "localhost", "root", "keystonerc_admin"), []byte(rc), 0o644); err != nil {
		t.Fatal(err)
	}
	if below := SnapshotsBelow(deep); len(below) != 1 || below[0] != filepath.Join("clouds", "prod") {
		t.Errorf("SnapshotsBelow: %v", below)
	}
}
