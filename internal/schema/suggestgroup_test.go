package schema

import "testing"

// TestSuggestGroup: a misspelt section is matched to the kind's group
// closest to it without regard to case; a made-up one to none.
func TestSuggestGroup(t *testing.T) {
	s, err := Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	for section, want := range map[string]string{
		"DEFAUT": "DEFAULT", "defaut": "DEFAULT", "keystone_authtoke": "keystone_authtoken",
		"Neutron": "neutron", "ml2_odl": "", "DEFAULT": "",
	} {
		if got := s.SuggestGroup("nova.conf", section); got != want {
			t.Errorf("SuggestGroup(nova.conf, %q) = %q, want %q", section, got, want)
		}
	}
}
