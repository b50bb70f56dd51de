package bench

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

// TestConftestPolicyChecks: make bench's yardstick (tools/bench/conftest)
// finds each of its three faults once, and nothing in a clean fleet, on
// input shaped as conftest v0.71.1's ini parser gives it with --combine
// ([{path, contents}], no [DEFAULT] section: the parser leaves it out).
func TestConftestPolicyChecks(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "tools", "bench", "conftest", "policy.rego"))
	if err != nil {
		t.Fatal(err)
	}
	nova := func(path, password string, glance bool) map[string]any {
		c := map[string]any{
			"keystone_authtoken": map[string]any{"memcached_servers": "controller:11211"},
			"neutron":            map[string]any{"password": password},
		}
		if glance {
			c["glance"] = map[string]any{"api_servers": "http://controller:9292"}
		}
		return map[string]any{"path": path, "contents": c}
	}
	clean := []any{
		nova("s/controller/etc/nova/nova.conf", "pw", true),
		nova("s/compute1/etc/nova/nova.conf", "pw", true),
		map[string]any{"path": "s/controller/etc/neutron/neutron.conf", "contents": map[string]any{
			"keystone_authtoken": map[string]any{"memcached_servers": "controller:11211"}}},
	}
	faulty := []any{
		nova("s/controller/etc/nova/nova.conf", "pw", true),
		nova("s/compute1/etc/nova/nova.conf", "other", true),
		nova("s/compute2/etc/nova/nova.conf", "pw", false),
		map[string]any{"path": "s/controller/etc/neutron/neutron.conf", "contents": map[string]any{
			"keystone_authtoken": map[string]any{"auth_type": "password"}}},
	}
	deny := func(input []any) []string {
		rs, err := rego.New(rego.Query("data.main.deny"), rego.Module("policy.rego", string(src)), rego.Input(input)).Eval(context.Background())
		if err != nil || len(rs) != 1 {
			t.Fatalf("eval: %v (%d results)", err, len(rs))
		}
		var out []string
		for _, m := range rs[0].Expressions[0].Value.([]any) {
			out = append(out, m.(string))
		}
		sort.Strings(out)
		return out
	}
	if got := deny(clean); len(got) != 0 {
		t.Errorf("clean fleet: %q, want none", got)
	}
	want := []string{
		"s/compute1/etc/nova/nova.conf: [neutron] password differs from the controller's",
		"s/compute2/etc/nova/nova.conf: [glance] api_servers is not set",
		"s/controller/etc/neutron/neutron.conf: [keystone_authtoken] memcached_servers is not set",
	}
	if got := deny(faulty); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("faulty fleet: %q, want %q", got, want)
	}
}
