package schema

import (
	"slices"
	"testing"
)

// TestOlderReadIn checks the older releases' names (data/older.json.gz,
// tools/schema/older_names.py) against facts read by hand in the upstream
// sources at the tags the data was read from (file:tag beside each).
func TestOlderReadIn(t *testing.T) {
	o, err := Older()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"icehouse", "juno", "kilo", "liberty", "mitaka", "newton", "ocata", "pike", "queens", "rocky"}
	if !slices.Equal(o.Releases, want) {
		t.Fatalf("releases = %v, want %v", o.Releases, want)
	}
	upTo := func(last string) []string { return want[:slices.Index(want, last)+1] }
	cases := []struct {
		service, group, name string
		want                 []string
	}{
		// oslo_db/options.py:18 at oslo.db 4.17.1 (ocata's constraint, glance
		// 14.0.1 requires oslo.db); gone from oslo.db 4.19.0 (pike pins 4.25.2).
		// Icehouse: glance/openstack/common/db/options.py (incubator copy).
		{"glance", "database", "sqlite_db", upTo("ocata")},
		{"glance", "DATABASE", "sqlite_db", upTo("ocata")}, // groups are case-insensitive
		// neutron/conf/agent/metadata/config.py:61 at 10.0.7 (ocata); a
		// deprecated_name of nova_metadata_host at 11.0.8 (pike), :49; gone in 12.1.1.
		{"neutron", "DEFAULT", "nova_metadata_ip", upTo("pike")},
		// neutron/openstack/common/log.py:76 at 2014.1.5; oslo_log/_options.py:40
		// at oslo.log 3.20.1 (ocata); removed in oslo.log 3.22.0 (pike pins 3.30.3).
		{"neutron", "DEFAULT", "verbose", upTo("ocata")},
		{"nova", "DEFAULT", "verbose", upTo("ocata")}, // nova/openstack/common/log.py:76 at 2014.1.5
		{"keystone", "DEFAULT", "verbose", upTo("ocata")},
		// keystone/common/config.py:237,255 at 8.1.2 (liberty, 'token': [... 'driver']);
		// keystone/conf/token.py:76 at 13.0.4 (queens); not in token.py at 14.2.0 (rocky).
		{"keystone", "token", "driver", upTo("queens")},
		// keystone/common/config.py:938-939 at 8.1.2; keystone/conf/memcache.py:26
		// at 11.0.4 (ocata); memcache.py at 12.0.3 (pike) has no servers.
		{"keystone", "memcache", "servers", upTo("ocata")},
		// keystone/common/config.py:35 at 2015.1.4 (kilo); not at 8.1.2 (liberty).
		{"keystone", "DEFAULT", "compute_port", upTo("kilo")},
		// neutron/agent/common/config.py:86 at 8.4.0 (mitaka); neutron/conf/agent/common.py:158
		// at 13.0.7 (rocky).
		{"neutron", "DEFAULT", "external_network_bridge", want},
		// nova/conf/scheduler.py:126 at 13.1.4 (mitaka), registered in DEFAULT at :945.
		{"nova", "DEFAULT", "scheduler_default_filters", want},
		{"nova", "DEFAULT", "no_such_option", nil},
		{"placement", "DEFAULT", "verbose", nil}, // placement's options were nova's
	}
	for _, c := range cases {
		if got := o.ReadIn(c.service, c.group, c.name); !slices.Equal(got, c.want) {
			t.Errorf("ReadIn(%s, [%s] %s) = %v, want %v", c.service, c.group, c.name, got, c.want)
		}
	}
}

// TestOlderAnyGroup: a name the static reading left in group "*"
// (keystoneauth1's plugin options, loaded into any auth section) matches
// every group.
func TestOlderAnyGroup(t *testing.T) {
	o, err := Older()
	if err != nil {
		t.Fatal(err)
	}
	// keystoneauth1/loading/identity.py:37 opts.Opt('auth-url') at keystoneauth1 3.10.1 (rocky).
	for _, g := range []string{"neutron", "placement", "some_auth_section"} {
		if got := o.ReadIn("nova", g, "auth_url"); !slices.Contains(got, "rocky") {
			t.Errorf("ReadIn(nova, [%s] auth_url) = %v, want rocky in it", g, got)
		}
	}
}

// TestReleasesSkipsOlder: the older releases' names are not a release's
// schema.
func TestReleasesSkipsOlder(t *testing.T) {
	for _, r := range Releases() {
		if r == "older" || r == "index" {
			t.Errorf("Releases() lists %q", r)
		}
		if _, err := Load(r); err != nil {
			t.Error(err)
		}
	}
}
