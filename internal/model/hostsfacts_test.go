package model

import "testing"

// hostsSnapshot is three nodes whose /etc/hosts map controller as given;
// the controller's own interfaces file holds 10.0.0.11 when ifaces is set.
func hostsSnapshot(ctl, c1, c2 string, ifaces bool) map[string]string {
	files := map[string]string{
		"controller/etc/hosts": ctl + " controller\n",
		"compute1/etc/hosts":   c1 + " controller\n",
		"compute2/etc/hosts":   c2 + " controller\n",
	}
	if ifaces {
		files["controller/etc/network/interfaces"] = "auto eth0\niface eth0 inet static\n    address 10.0.0.11/24\n"
	}
	return files
}

func conflicts(t *testing.T, files map[string]string) []any {
	t.Helper()
	return build(t, files)["hosts_conflicts"].([]any)
}

// The controller's own interfaces are the authority: the two compute
// nodes agree with each other, not with the machine the name names.
func TestHostsConflictsByInterfaces(t *testing.T) {
	got := conflicts(t, hostsSnapshot("10.0.0.11", "10.0.0.12", "10.0.0.12", true))
	if len(got) != 2 {
		t.Fatalf("want 2 conflicts, got %v", got)
	}
	for _, g := range got {
		e := g.(map[string]any)
		if e["basis"] != "interfaces" || e["ref_node"] != "controller" || e["addrs"] != "10.0.0.12" ||
			e["iface_path"] != "controller/etc/network/interfaces" || e["iface_line"] != 3 || e["target"] != "controller" {
			t.Errorf("unexpected entry %v", e)
		}
	}
}

// Without the named node's interface configuration the majority stays,
// and the entry says why and with which counts.
func TestHostsConflictsByMajority(t *testing.T) {
	got := conflicts(t, hostsSnapshot("10.0.0.11", "10.0.0.12", "10.0.0.12", false))
	if len(got) != 1 {
		t.Fatalf("want 1 conflict, got %v", got)
	}
	e := got[0].(map[string]any)
	if e["basis"] != "majority" || e["node"] != "controller" || e["ref_count"] != 2 || e["copies"] != 3 ||
		e["why"] != "no interface configuration of controller in the snapshot" {
		t.Errorf("unexpected entry %v", e)
	}
}

// No copy maps the name to the node's own addresses: the majority again.
func TestHostsConflictsNoCopyOnInterfaces(t *testing.T) {
	got := conflicts(t, hostsSnapshot("10.0.0.13", "10.0.0.12", "10.0.0.12", true))
	if len(got) != 1 || got[0].(map[string]any)["why"] != "no copy maps it to an address on controller's interfaces" {
		t.Fatalf("unexpected %v", got)
	}
}
