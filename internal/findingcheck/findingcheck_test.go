package findingcheck

import "testing"

// TestProblem: the messages that compare equal values are caught (the
// issue's own example), those that compare different ones are not.
func TestProblem(t *testing.T) {
	for msg, bad := range map[string]bool{
		"nova.conf [keystone_authtoken] auth_url on c reaches Keystone at http://controller:5000, but 5 of 7 service references reach http://controller:5000 (nova.conf [keystone_authtoken] auth_url on a)":  true,
		"nova.conf [keystone_authtoken] auth_url on c reaches Keystone at http://controller2:5000, but 2 of 3 service references reach http://controller:5000 (nova.conf [keystone_authtoken] auth_url on a)": false,
		"region 'RegionOne' in nova.conf [placement] region_name on c1 differs from 'RegionOne', used by 3 of 4 references":                                                                                   true,
		"region 'regionOne' in nova.conf [placement] region_name on c1 differs from 'RegionOne', used by 3 of 4 references":                                                                                   false,
		"nova.conf [neutron] password on c1 (fp:3abf0c) differs from neutron's service password (fp:3abf0c, neutron.conf [keystone_authtoken] password on controller)":                                        true,
		"keystone on ctl is served by httpd on port 5001 (ctl/etc/apache2/sites-enabled/keystone.conf:3), but nova.conf [keystone_authtoken] auth_url on c1 reach it on port 5000: the connection is refused": false,
		"a %!s(MISSING) message": true,
	} {
		if got := Problem(msg) != ""; got != bad {
			t.Errorf("Problem(%q) = %q, want a problem: %v", msg, Problem(msg), bad)
		}
	}
}
