package model

import (
	"reflect"
	"testing"
)

// TestCopiedMyIPOwnsNothing: a my_ip copied from another node (issue 17)
// does not make the node the owner of that node's address, nor one of its
// addresses; the document lists it as disputed with where it is written.
// A my_ip nothing contradicts still counts.
func TestCopiedMyIPOwnsNothing(t *testing.T) {
	hostsFile := "10.0.0.11 controller\n10.0.0.31 compute1\n"
	doc := build(t, map[string]string{
		"controller/etc/hosts":                              hostsFile,
		"controller/etc/network/interfaces":                 "iface eth0 inet static\n  address 10.0.0.11/24\n",
		"controller/etc/nova/nova.conf":                     "[DEFAULT]\nmy_ip = 10.0.0.11\n",
		"compute1/etc/hosts":                                hostsFile,
		"compute1/etc/nova/nova.conf":                       "[DEFAULT]\nmy_ip = 10.0.0.11\n",
		"compute1/etc/network/interfaces":                   "iface eth0 inet static\n  address 10.0.0.31/24\n",
		"compute2/etc/nova/nova.conf":                       "[DEFAULT]\nmy_ip = 10.0.0.32\n",
		"compute3/etc/nova/nova.conf":                       "[DEFAULT]\nmy_ip = 10.0.0.33\n",
		"compute3/etc/sysconfig/network-scripts/ifcfg-eth0": "IPADDR=10.0.0.43\n",
	})
	owners := doc["owners"].(map[string]any)
	if owners["10.0.0.11"] != "controller" {
		t.Errorf("10.0.0.11 owned by %v, want controller", owners["10.0.0.11"])
	}
	if owners["10.0.0.32"] != "compute2" {
		t.Errorf("an undisputed my_ip lost: 10.0.0.32 owned by %v", owners["10.0.0.32"])
	}
	if _, ok := owners["10.0.0.33"]; ok {
		t.Errorf("a my_ip on none of compute3's interfaces owns 10.0.0.33")
	}
	nodes := doc["nodes"].(map[string]any)
	c1 := nodes["compute1"].(map[string]any)
	if !reflect.DeepEqual(c1["addresses"], []any{"10.0.0.31"}) {
		t.Errorf("compute1 addresses %v", c1["addresses"])
	}
	want := []any{map[string]any{"addr": "10.0.0.11", "path": "compute1/etc/nova/nova.conf", "line": 2, "why": "the address of controller"}}
	if !reflect.DeepEqual(c1["disputed_addresses"], want) {
		t.Errorf("compute1 disputed %v", c1["disputed_addresses"])
	}
	if got := nodes["controller"].(map[string]any)["disputed_addresses"]; !reflect.DeepEqual(got, []any{}) {
		t.Errorf("controller's own my_ip disputed: %v", got)
	}
}
