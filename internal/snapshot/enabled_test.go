package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestEnabledUnits: the marks systemctl enable, chkconfig and update-rc.d
// leave are a node's enabled units, although the links lead out of the
// snapshot (no problem is reported for them), once per unit.
func TestEnabledUnits(t *testing.T) {
	root := t.TempDir()
	links := map[string]string{
		"ctl/etc/systemd/system/multi-user.target.wants/neutron-server.service":     "/usr/lib/systemd/system/neutron-server.service",
		"ctl/etc/systemd/system/multi-user.target.wants/openstack-nova-api.service": "/usr/lib/systemd/system/openstack-nova-api.service",
		"ctl/etc/systemd/system/multi-user.target.wants/remote-fs.target":           "/usr/lib/systemd/system/remote-fs.target",
		"ctl/etc/systemd/system/sockets.target.wants/x.socket":                      "/usr/lib/systemd/system/x.socket",
		"net/etc/rc.d/rc3.d/S98neutron-l3-agent":                                    "../init.d/neutron-l3-agent",
		"net/etc/rc.d/rc5.d/S98neutron-l3-agent":                                    "../init.d/neutron-l3-agent",
		"net/etc/rc.d/rc0.d/K02neutron-dhcp-agent":                                  "../init.d/neutron-dhcp-agent",
		"net/etc/rc.d/rc3.d/K02neutron-dhcp-agent":                                  "../init.d/neutron-dhcp-agent",
		"deb/etc/rc2.d/S03nova-compute":                                             "../init.d/nova-compute",
	}
	s := discoverLinks(t, root, links)
	got := map[string][]Enabled{}
	for _, n := range s.Nodes {
		got[n.Name] = n.Enabled
	}
	want := map[string][]Enabled{
		"ctl": {{Unit: "neutron-server", Path: "ctl/etc/systemd/system/multi-user.target.wants/neutron-server.service"},
			{Unit: "openstack-nova-api", Path: "ctl/etc/systemd/system/multi-user.target.wants/openstack-nova-api.service"}},
		"net": {{Unit: "neutron-l3-agent", Path: "net/etc/rc.d/rc3.d/S98neutron-l3-agent"}},
		"deb": {{Unit: "nova-compute", Path: "deb/etc/rc2.d/S03nova-compute"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("enabled units\n got %+v\nwant %+v", got, want)
	}
	if len(s.Problems) != 0 {
		t.Errorf("problems for enablement links: %+v", s.Problems)
	}
}

// TestMaskedUnits: a unit masked with `systemctl mask` (its file in
// etc/systemd/system linked to /dev/null) runs nothing although a wants
// link still names it; a wants link pointing at /dev/null enables nothing
// (red team, issue 16).
func TestMaskedUnits(t *testing.T) {
	root := t.TempDir()
	links := map[string]string{
		"c1/etc/systemd/system/multi-user.target.wants/openstack-nova-compute.service":    "/usr/lib/systemd/system/openstack-nova-compute.service",
		"c1/etc/systemd/system/openstack-nova-compute.service":                            "/dev/null",
		"c1/etc/systemd/system/multi-user.target.wants/neutron-openvswitch-agent.service": "/dev/null",
		"c1/etc/systemd/system/multi-user.target.wants/neutron-linuxbridge-agent.service": "/usr/lib/systemd/system/neutron-linuxbridge-agent.service",
		"c1/etc/nova/nova.conf": "/dev/null",
	}
	s := discoverLinks(t, root, links)
	var units []string
	for _, n := range s.Nodes {
		for _, e := range n.Enabled {
			units = append(units, e.Unit)
		}
	}
	if len(units) != 1 || units[0] != "neutron-linuxbridge-agent" {
		t.Errorf("enabled %v, want only neutron-linuxbridge-agent", units)
	}
}

// discoverLinks makes each link (path under root -> target) and discovers
// the snapshot.
func discoverLinks(t *testing.T, root string, links map[string]string) *Snapshot {
	t.Helper()
	for p, to := range links {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(to, full); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
