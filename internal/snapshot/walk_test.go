package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

// TestParallelWalkDeterministic: the node trees are walked and their
// folders read in parallel; nodes, files, problems, ignored files,
// leftovers and enabled units come out the same with one processor or
// eight, and every node's problems are its own.
func TestParallelWalkDeterministic(t *testing.T) {
	root := t.TempDir()
	text, link := map[string]string{"admin-openrc": "export OS_AUTH_URL=http://c:5000/v3\n"}, map[string]string{"gone": "/nowhere"}
	for i := range 40 {
		n := fmt.Sprintf("node%02d/", i)
		text[n+"etc/nova/nova.conf"] = fmt.Sprintf("[DEFAULT]\nmy_ip = 10.0.0.%d\n", i)
		text[n+"etc/nova/nova.conf.rpmnew"] = "[DEFAULT]\n"
		text[n+"etc/hosts"] = "127.0.0.1 localhost\n"
		text[n+"etc/motd"] = "hello\n"
		text[n+"root/keystonerc_admin"] = "export OS_AUTH_URL=http://c:5000/v3\n"
		link[n+"etc/neutron/plugin.ini"] = "/etc/neutron/plugins/ml2/ml2_conf.ini"
		link[n+"etc/keystone/keystone.conf"] = "keystone.conf"
		link[n+"etc/systemd/system/multi-user.target.wants/openstack-nova-compute.service"] = "/usr/lib/systemd/system/openstack-nova-compute.service"
	}
	writeText(t, root, text)
	links(t, root, link)
	at := func(procs int) *Snapshot {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return discover(t, root, Options{})
	}
	one, eight := at(1), at(8)
	if !reflect.DeepEqual(one, eight) {
		t.Fatalf("GOMAXPROCS 1 and 8 differ:\n%+v\n%+v", one, eight)
	}
	if len(one.Nodes) != 40 || len(one.Problems) != 81 || len(one.Leftovers) != 40 || len(one.Loose) != 1 {
		t.Errorf("%d nodes, %d problems, %d leftovers, %d loose files", len(one.Nodes), len(one.Problems), len(one.Leftovers), len(one.Loose))
	}
	for _, n := range one.Nodes {
		if len(n.Files) != 3 || len(n.Enabled) != 1 {
			t.Errorf("%s: files %v, enabled %v", n.Name, n.Files, n.Enabled)
		}
	}
}

// TestFolderVanished: the files of a folder that disappears between the
// walk and the reading (each folder is opened once for all its files) are
// each a problem worded as such.
func TestFolderVanished(t *testing.T) {
	s, got := vanished(t, map[string]string{"etc/nova/nova.conf": "[DEFAULT]\n", "etc/nova/policy.json": "{}\n", "etc/keystone/keystone.conf": "[DEFAULT]\n"}, "etc/nova")
	want := map[string]string{
		"etc/nova/nova.conf":   "unreadable: vanished while the snapshot was being read; not read",
		"etc/nova/policy.json": "unreadable: vanished while the snapshot was being read; not read",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems = %v", got)
	}
	if got := files(s); len(got) != 1 {
		t.Errorf("files read: %v", got)
	}
}

// vanished walks a snapshot of the given files, removes gone (a path below
// the root) between the walk and the reading, and returns the snapshot and
// its problems.
func vanished(t *testing.T, text map[string]string, gone string) (*Snapshot, map[string]string) {
	t.Helper()
	root := t.TempDir()
	writeText(t, root, text)
	s := walkThenRead(t, root, func() error { return os.RemoveAll(filepath.Join(root, gone)) })
	return s, problems(s)
}

// walkThenRead walks the snapshot at root, calls between (which changes
// the tree; its error fails the test), then reads the files walked.
func walkThenRead(t *testing.T, root string, between func() error) *Snapshot {
	t.Helper()
	s := &Snapshot{Root: root}
	w := newWalker(s, Options{MaxFileSize: 1 << 20})
	defer func() { _ = w.root.Close() }()
	trees, err := w.layout()
	if err != nil {
		t.Fatal(err)
	}
	w.walk(trees)
	if err := between(); err != nil {
		t.Fatal(err)
	}
	w.readAll()
	return s
}
