package cephconf

import "testing"

func TestParse(t *testing.T) {
	f := Parse([]byte("; comment\n[global]\n\tfsid = 6c2f4b2e-1111-4d6b-9c9a-0f2a3e4b5c6d\n  mon host = 10.0.0.21,10.0.0.22 # the monitors\nmon-initial-members=a\n[client.cinder]\nkeyring = \"/etc/ceph/a;b.keyring\"\nrbd  cache = \\\ntrue\n[broken\nnoequals\n"))
	want := []Setting{
		{"global", "fsid", "6c2f4b2e-1111-4d6b-9c9a-0f2a3e4b5c6d", 3},
		{"global", "mon_host", "10.0.0.21,10.0.0.22", 4},
		{"global", "mon_initial_members", "a", 5},
		{"client.cinder", "keyring", "/etc/ceph/a;b.keyring", 7},
		{"client.cinder", "rbd_cache", "true", 8},
	}
	if len(f.Settings) != len(want) {
		t.Fatalf("settings %+v", f.Settings)
	}
	for i, s := range want {
		if f.Settings[i] != s {
			t.Errorf("setting %d: %+v, want %+v", i, f.Settings[i], s)
		}
	}
	if len(f.Bad) != 2 || f.Bad[0] != 10 || f.Bad[1] != 11 {
		t.Errorf("bad lines %v", f.Bad)
	}
	if s, ok := f.Last("global", "mon_host"); !ok || s.Line != 4 {
		t.Errorf("Last: %+v %v", s, ok)
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"mon host": "mon_host", "mon-host": "mon_host", " mon__host ": "mon_host", "rbd\tcache": "rbd_cache", "-": ""} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
