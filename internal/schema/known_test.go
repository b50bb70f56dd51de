package schema

import "testing"

func TestUnknownOption(t *testing.T) {
	ix, err := LoadIndex()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ kind, group, option, want string }{
		{"nova.conf", "DEFAULT", "reserved_host_memory_mb", ""},
		{"nova.conf", "database", "connection", ""},
		{"nova.conf", "DEFAULT", "cpu_allocation_ratio", ""},
		{"nova.conf", "DEFAULT", "reserved_host_memory_mbb", "no release registers [DEFAULT] reserved_host_memory_mbb in nova.conf (reserved_host_memory_mb?)"},
		{"nova.cnf", "DEFAULT", "reserved_host_memory_mb", "no release has an option schema of file kind nova.cnf (nova.conf?)"},
		{"nova.conf", "DEFAULTT", "reserved_host_memory_mb", "nova.conf has no group [DEFAULTT] in any release ([DEFAULT]?)"},
		{"nova.conf", "DEFAULT", "connection", "no release registers [DEFAULT] connection in nova.conf (it is in [api_database], [database], [placement_database])"},
	} {
		if got := ix.UnknownOption(c.kind, c.group, c.option); got != c.want {
			t.Errorf("UnknownOption(%s, %s, %s) = %q, want %q", c.kind, c.group, c.option, got, c.want)
		}
	}
}
