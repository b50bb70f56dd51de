package secret

import "testing"

func TestWeak(t *testing.T) {
	for v, want := range map[string]bool{"openstack": true, "Password": true, " guest ": true, "Nt1p-neutron-svc": false, "": false, "NOVA_PASS": false} {
		if got := Weak(v); got != want {
			t.Errorf("Weak(%q) = %v, want %v", v, got, want)
		}
	}
}
