package schema

import "testing"

// TestNearSecretName: misspellings of options some release flags secret
// are secret; names far from every secret option, or too short to judge,
// are not; and no option a release registers as plain is near a secret
// one (what would make a site's own option of such a name secret).
func TestNearSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"metadata_proxy_shared_secrt": true, "pasword": true, "memcache_secret_kye": true, "admin_pasword": true,
		"transport_ulr": true, "memcache_secretkey": true,
		"my_ip": false, "debug": false, "state_path": false, "username": false, "lock_path": false, "auth_url": false,
		"host": false, "tokn": false, "region_name": false, "project_domain_name": false,
	} {
		if got := NearSecretName(name); got != want {
			t.Errorf("NearSecretName(%q) = %v, want %v", name, got, want)
		}
	}
	n := 0
	for name, secret := range names().names {
		if !secret && NearSecretName(name) {
			t.Errorf("the plain option %s is near a secret one", name)
		}
		n++
	}
	if n < 1000 || len(names().secretNames) < 50 {
		t.Fatalf("%d names, %d secret: the index did not load", n, len(names().secretNames))
	}
}
