package model

import (
	"reflect"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// TestRoleOverrides: roles set explicitly replace inference, and a role
// only brings the services whose configuration the node holds.
func TestRoleOverrides(t *testing.T) {
	snap, err := snapshot.Discover("../../testdata/deployments/modern-linuxbridge")
	if err != nil {
		t.Fatal(err)
	}
	services := func(d *Deployment, node string) []any {
		return d.Plain()["nodes"].(map[string]any)[node].(map[string]any)["services"].([]any)
	}
	inferred := Build(snap)
	if got := services(inferred, "compute1"); !reflect.DeepEqual(got, []any{"neutron-linuxbridge-agent", "nova-compute"}) {
		t.Fatalf("inferred compute1 services = %v", got)
	}
	d := BuildWithRoles(snap, map[string][]string{"compute1": {"network", "nova-api"}})
	want := []any{"neutron-linuxbridge-agent", "nova-api"} // compute1 has no l3/dhcp/metadata ini
	if got := services(d, "compute1"); !reflect.DeepEqual(got, want) {
		t.Errorf("overridden compute1 services = %v, want %v", got, want)
	}
	roles := d.Plain()["nodes"].(map[string]any)["compute1"].(map[string]any)["roles"]
	if !reflect.DeepEqual(roles, []any{"controller"}) {
		t.Errorf("roles = %v", roles)
	}
	if got := services(d, "controller"); !reflect.DeepEqual(got, services(inferred, "controller")) {
		t.Errorf("controller changed without an override: %v", got)
	}
}
