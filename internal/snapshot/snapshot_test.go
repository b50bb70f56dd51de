package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func write(t *testing.T, root string, files ...string) {
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("[DEFAULT]\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLayouts(t *testing.T) {
	multi := t.TempDir()
	write(t, multi, "ctl/etc/nova/nova.conf", "cmp/etc/neutron/plugins/ml2/linuxbridge_agent.ini",
		"notes/readme.txt", "ctl/root/admin-openrc")
	s, err := Discover(multi)
	if err != nil || len(s.Nodes) != 2 || s.Nodes[0].Name != "cmp" || s.Nodes[1].Files[1].Kind != KindRC {
		t.Fatalf("multi: %v %+v", err, s)
	}
	single := t.TempDir()
	write(t, single, "etc/nova/nova.conf")
	if err := os.WriteFile(filepath.Join(single, "etc/hostname"), []byte("node7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, _ = Discover(single)
	if len(s.Nodes) != 1 || s.Nodes[0].Name != "node7" {
		t.Fatalf("single: %+v", s.Nodes)
	}
	etc := t.TempDir()
	write(t, etc, "nova/nova.conf")
	s, _ = Discover(etc)
	if len(s.Nodes) != 1 || s.Nodes[0].Files[0].NodePath != "etc/nova/nova.conf" || s.Nodes[0].Files[0].Kind != "nova.conf" {
		t.Fatalf("etc: %+v", s.Nodes[0].Files)
	}
}

func TestLinks(t *testing.T) {
	root := t.TempDir()
	write(t, root, "n/etc/neutron/plugins/ml2/ml2_conf.ini")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("plugins/ml2/ml2_conf.ini", filepath.Join(root, "n/etc/neutron/plugin.ini")))
	must(os.Symlink("neutron.conf", filepath.Join(root, "n/etc/neutron/neutron.conf")))
	must(os.Symlink("..", filepath.Join(root, "n/etc/neutron/plugins/ml2/ml2")))
	must(os.Symlink("../etc", filepath.Join(root, "n/etc/nova")))
	must(os.Symlink("/etc/passwd", filepath.Join(root, "n/etc/neutron/l3_agent.ini")))
	must(os.Symlink("/etc/passwd", filepath.Join(root, "n/etc/neutron/out.txt")))
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, f := range s.Nodes[0].Files {
		kinds[f.Path] = f.Kind
	}
	if kinds["n/etc/neutron/plugin.ini"] != "plugin.ini" {
		t.Errorf("plugin.ini link not followed: %v", kinds)
	}
	want := map[string]string{
		"n/etc/neutron/neutron.conf": "loop: symbolic link loop (too many levels of symbolic links), not followed",
		"n/etc/nova":                 "loop: symbolic link to an enclosing folder (a loop), not followed",
		"n/etc/neutron/l3_agent.ini": `link: symbolic link to "/etc/passwd": not in the snapshot, not followed`,
	}
	if got := problems(s); !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %v, want %v (out.txt and plugins/ml2/ml2 are not read: no problem)", got, want)
	}
}

// problems maps each problem's path to "kind: message".
func problems(s *Snapshot) map[string]string {
	out := map[string]string{}
	for _, p := range s.Problems {
		out[p.Path] = p.Kind + ": " + p.Msg
	}
	return out
}

// TestDirectoryLinkLoopOutsideNodes: a directory link back to PATH must not
// make discovery recurse forever.
func TestDirectoryLinkLoopOutsideNodes(t *testing.T) {
	root := t.TempDir()
	write(t, root, "n/etc/nova/nova.conf", "repo/admin-openrc")
	if err := os.Symlink(".", filepath.Join(root, "repo", "again")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(root, "up")); err != nil {
		t.Fatal(err)
	}
	s, err := Discover(root)
	if err != nil || len(s.Nodes) != 1 || len(s.Loose) != 1 || s.Loose[0].Path != "repo/admin-openrc" {
		t.Fatalf("%v %+v", err, s.Loose)
	}
}

func TestLeftovers(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"n1/etc/nova/nova.conf", "n1/etc/nova/nova.conf.rpmnew", "n1/etc/neutron/plugins/ml2/ml2_conf.ini.dpkg-dist", "n1/etc/nova/api-paste.ini.rpmnew"} {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("[DEFAULT]\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	want := []Leftover{
		{Path: "n1/etc/neutron/plugins/ml2/ml2_conf.ini.dpkg-dist", Node: "n1", Of: "ml2_conf.ini"},
		{Path: "n1/etc/nova/nova.conf.rpmnew", Node: "n1", Of: "nova.conf"},
	}
	if !reflect.DeepEqual(s.Leftovers, want) {
		t.Errorf("leftovers = %+v, want %+v", s.Leftovers, want)
	}
}
