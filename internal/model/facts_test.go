package model

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// build lints a little two-node snapshot written from a map of files.
func build(t *testing.T, files map[string]string) map[string]any {
	t.Helper()
	return Build(writeSnapshot(t, files)).Plain()
}

// writeSnapshot writes files (path → content) into a new directory and
// discovers it.
func writeSnapshot(t *testing.T, files map[string]string) *snapshot.Snapshot {
	t.Helper()
	root := t.TempDir()
	for p, body := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := snapshot.Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func occ(doc map[string]any, node, file, section, key string) map[string]any {
	f := doc["nodes"].(map[string]any)[node].(map[string]any)["files"].(map[string]any)[file].(map[string]any)
	return f["sections"].(map[string]any)[section].(map[string]any)[key].([]any)[0].(map[string]any)
}

func TestDerivedHostFacts(t *testing.T) {
	doc := build(t, map[string]string{
		"ctl/etc/hosts":    "10.0.0.11 controller\n10.0.0.31 compute1\n",
		"ctl/etc/hostname": "controller\n",
		"ctl/etc/nova/nova.conf": "[DEFAULT]\ntransport_url = rabbit://openstack:RABBIT_PASS@controler\n" +
			"[keystone_authtoken]\nmemcached_servers = controller:11211,ctl:11211\npassword = NOVA_PASS\n" +
			"[neutron]\npassword = Nt1p-x\n",
		"cmp/etc/network/interfaces": "iface eth0 inet static\n  address 10.0.0.31/24\n",
		"cmp/etc/nova/nova.conf":     "[DEFAULT]\nmy_ip = 10.0.0.99\n",
	})
	url := occ(doc, "ctl", "etc/nova/nova.conf", "DEFAULT", "transport_url")["url"].(map[string]any)
	if url["near"] != "controller" || !reflect.DeepEqual(url["resolved"], []any{}) {
		t.Errorf("typo not noticed: %+v", url)
	}
	if got := occ(doc, "ctl", "etc/nova/nova.conf", "DEFAULT", "transport_url")["placeholders"]; !reflect.DeepEqual(got, []any{"RABBIT_PASS"}) {
		t.Errorf("URL password placeholder: %v", got)
	}
	if got := occ(doc, "ctl", "etc/nova/nova.conf", "keystone_authtoken", "password")["placeholders"]; !reflect.DeepEqual(got, []any{"NOVA_PASS"}) {
		t.Errorf("secret placeholder: %v", got)
	}
	if _, ok := occ(doc, "ctl", "etc/nova/nova.conf", "neutron", "password")["placeholders"]; ok {
		t.Error("a real password flagged as placeholder")
	}
	refs := occ(doc, "ctl", "etc/nova/nova.conf", "keystone_authtoken", "memcached_servers")["host_refs"].([]any)
	self := refs[1].(map[string]any)
	if len(refs) != 2 || refs[0].(map[string]any)["port"] != 11211 || !reflect.DeepEqual(self["resolved"], []any{"10.0.0.11"}) {
		t.Errorf("host refs %+v", refs)
	}
	nodes := doc["nodes"].(map[string]any)
	cmp := nodes["cmp"].(map[string]any)
	// my_ip 10.0.0.99 is on none of cmp's interfaces: disputed, not cmp's.
	if !reflect.DeepEqual(cmp["interface_addresses"], []any{"10.0.0.31"}) || !reflect.DeepEqual(cmp["addresses"], []any{"10.0.0.31"}) {
		t.Errorf("compute addresses %+v %+v", cmp["interface_addresses"], cmp["addresses"])
	}
	if !reflect.DeepEqual(nodes["ctl"].(map[string]any)["known_addresses"], []any{"10.0.0.11"}) {
		t.Errorf("known addresses %+v", nodes["ctl"].(map[string]any)["known_addresses"])
	}
}

// TestRoleDrift: among three or more nodes running the same services, the
// option most share is listed with the files that differ (unset included),
// and a group without a majority, or of two nodes, lists nothing.
func TestRoleDrift(t *testing.T) {
	node := func(name string, files map[string]any) map[string]any {
		return map[string]any{"name": name, "services": []any{"nova-compute"}, "addresses": []any{}, "files": files}
	}
	file := func(keys map[string]any) map[string]any {
		secs := map[string]any{}
		for k, v := range keys {
			secs[k] = []any{map[string]any{"value": v}}
		}
		return map[string]any{"nova.conf": map[string]any{"kind": "nova.conf", "sections": map[string]any{"libvirt": secs}}}
	}
	nodes := map[string]any{
		"c1": node("c1", file(map[string]any{"virt_type": "qemu", "cpu_mode": "host-model", "x": "1"})),
		"c2": node("c2", file(map[string]any{"virt_type": "qemu", "cpu_mode": "host-passthrough", "x": "2"})),
		"c3": node("c3", file(map[string]any{"virt_type": "kvm", "x": "3"})),
	}
	got := roleDrift(nodes)
	if len(got) != 1 {
		t.Fatalf("entries %+v", got)
	}
	e := got[0].(map[string]any)
	if e["node"] != "c3" || e["key"] != "virt_type" || e["value"] != "kvm" || e["majority"] != "qemu" || e["members"] != 3 || e["keys"] != 3 {
		t.Errorf("entry %+v", e)
	}
	delete(nodes, "c3")
	if got := roleDrift(nodes); len(got) != 0 {
		t.Errorf("two nodes: %+v", got)
	}
}
