package secret

import "testing"

func TestWeak(t *testing.T) {
	cases := []struct {
		v    string
		want bool
	}{
		{"openstack", true}, {"Password", true}, {"\tguest ", true},
		{"Nt1p-neutron-svc", false}, {"", false}, {"NOVA_PASS", false},
	}
	for _, c := range cases {
		if got := Weak(c.v); got != c.want {
			t.Errorf("Weak(%q) = %v, want %v", c.v, got, c.want)
		}
	}
}
