package schema

import (
	"reflect"
	"testing"
)

// TestStockPolicies: keystone's stock policy.json let anyone list trusts
// ("") from Icehouse to Ocata (the file at each -eol tag of
// openstack/keystone); every service has stock policies.
func TestStockPolicies(t *testing.T) {
	got := StockPolicies("keystone", "identity:list_trusts")
	if len(got) != 1 || got[0].Check != "" || got[0].Releases[0] != "icehouse" || got[0].Releases[len(got[0].Releases)-1] != "ocata" {
		t.Errorf("keystone identity:list_trusts = %+v", got)
	}
	if got := StockPolicies("nova", "no such policy"); got != nil {
		t.Errorf("unknown name: %+v", got)
	}
	var lists int
	for _, svc := range []string{"nova", "neutron", "keystone", "glance", "cinder"} {
		doc, err := loadStock()
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Services[svc]) == 0 {
			t.Errorf("%s: no stock policies", svc)
		}
		for name := range doc.Services[svc] {
			for _, sp := range StockPolicies(svc, name) {
				if reflect.TypeOf(sp.Check).Kind() == reflect.Slice {
					lists++
				}
			}
		}
	}
	t.Logf("%d list-syntax values", lists)
}
