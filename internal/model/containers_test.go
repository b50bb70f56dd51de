package model

import (
	"reflect"
	"testing"
)

// TestContainerProcesses: on a kolla-ansible node each container is a
// process with the files that land in it, in its command's --config-file
// order (or the packaged order), shown by their host paths; two
// containers of one project each keep their own copy; containers of no
// OpenStack process run none.
func TestContainerProcesses(t *testing.T) {
	cfg := func(cmd string, pairs ...string) string {
		out := `{"command": "` + cmd + `", "config_files": [`
		for i := 0; i+1 < len(pairs); i += 2 {
			if i > 0 {
				out += ","
			}
			out += `{"source": "/var/lib/kolla/config_files/` + pairs[i] + `", "dest": "` + pairs[i+1] + `"}`
		}
		return out + "]}"
	}
	s := writeTree(t, map[string]string{
		"ctl/etc/kolla/nova-api/config.json":       cfg("nova-api", "nova.conf", "/etc/nova/nova.conf"),
		"ctl/etc/kolla/nova-api/nova.conf":         "[database]\nconnection = mysql+pymysql://nova:a@db/nova\n",
		"ctl/etc/kolla/nova-conductor/config.json": cfg("nova-conductor", "nova.conf", "/etc/nova/nova.conf", "extra.conf", "/etc/nova/nova.conf.d/extra.conf"),
		"ctl/etc/kolla/nova-conductor/nova.conf":   "[database]\nconnection = mysql+pymysql://nova:b@db/nova\n",
		"ctl/etc/kolla/nova-conductor/extra.conf":  "[DEFAULT]\ndebug = true\n",
		"ctl/etc/kolla/neutron-server/config.json": cfg("neutron-server --config-file /etc/neutron/plugins/ml2/ml2_conf.ini --config-file /etc/neutron/neutron.conf",
			"neutron.conf", "/etc/neutron/neutron.conf", "ml2_conf.ini", "/etc/neutron/plugins/ml2/ml2_conf.ini"),
		"ctl/etc/kolla/neutron-server/neutron.conf": "[DEFAULT]\n",
		"ctl/etc/kolla/neutron-server/ml2_conf.ini": "[ml2]\n",
		"ctl/etc/kolla/memcached/config.json":       `{"command": "/usr/bin/memcached"}`,
	})
	d := Build(s)
	procs := processesOf(t, d, "ctl")
	want := map[string][]any{
		"nova-api":       {"ctl/etc/kolla/nova-api/nova.conf"},
		"nova-conductor": {"ctl/etc/kolla/nova-conductor/nova.conf", "ctl/etc/kolla/nova-conductor/extra.conf"},
		"neutron-server": {"ctl/etc/kolla/neutron-server/ml2_conf.ini", "ctl/etc/kolla/neutron-server/neutron.conf"},
	}
	if len(procs) != len(want) {
		t.Errorf("processes: %v", procs)
	}
	for p, files := range want {
		doc, _ := procs[p].(map[string]any)
		if doc == nil || !reflect.DeepEqual(doc["files"], files) {
			t.Errorf("%s: %v, want files %v", p, doc, files)
			continue
		}
		if doc["evidence"] != "container: ctl/etc/kolla/"+p+"/config.json" {
			t.Errorf("%s evidence: %v", p, doc["evidence"])
		}
	}
	node := d.Plain()["nodes"].(map[string]any)["ctl"].(map[string]any)
	if node["layout"] != "kolla-ansible" {
		t.Errorf("layout: %v", node["layout"])
	}
	f := node["files"].(map[string]any)["etc/kolla/nova-api/nova.conf"].(map[string]any)
	if f["kind"] != "nova.conf" || f["dest"] != "/etc/nova/nova.conf" {
		t.Errorf("file: %v", f)
	}
}

// TestTripleOProcesses: TripleO's containers run the processes their names
// say (neutron_api is neutron-server, nova_compute reads nova_libvirt's
// folder); a node whose service folders have no kolla config files gets the
// processes their files suggest.
func TestTripleOProcesses(t *testing.T) {
	pg := "var/lib/config-data/puppet-generated/"
	js := "var/lib/kolla/config_files/"
	s := writeTree(t, map[string]string{
		"ctl/" + pg + "neutron/etc/neutron/neutron.conf":                      "[DEFAULT]\ncore_plugin = ml2\n",
		"ctl/" + pg + "neutron/etc/neutron/plugins/ml2/ml2_conf.ini":          "[ml2]\n",
		"ctl/" + pg + "neutron/etc/neutron/plugins/ml2/openvswitch_agent.ini": "[ovs]\n",
		"ctl/" + pg + "nova_libvirt/etc/nova/nova.conf":                       "[DEFAULT]\n",
		"ctl/" + js + "neutron_api.json":                                      `{"command": "/usr/bin/neutron-server --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugins/ml2/ml2_conf.ini"}`,
		"ctl/" + js + "neutron_ovs_agent.json":                                `{"command": "/usr/bin/neutron-openvswitch-agent"}`,
		"ctl/" + js + "nova_compute.json":                                     `{"command": "/usr/bin/nova-compute"}`,
		"cmp/" + pg + "nova_libvirt/etc/nova/nova.conf":                       "[libvirt]\nvirt_type = kvm\n",
	})
	d := Build(s)
	got := map[string][]any{}
	for p, doc := range processesOf(t, d, "ctl") {
		got[p] = doc.(map[string]any)["files"].([]any)
	}
	want := map[string][]any{
		"neutron-server":            {"ctl/" + pg + "neutron/etc/neutron/neutron.conf", "ctl/" + pg + "neutron/etc/neutron/plugins/ml2/ml2_conf.ini"},
		"neutron-openvswitch-agent": {"ctl/" + pg + "neutron/etc/neutron/neutron.conf", "ctl/" + pg + "neutron/etc/neutron/plugins/ml2/openvswitch_agent.ini"},
		"nova-compute":              {"ctl/" + pg + "nova_libvirt/etc/nova/nova.conf"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("processes:\n got %v\nwant %v", got, want)
	}
	if procs := processesOf(t, d, "cmp"); procs["nova-compute"] == nil {
		t.Errorf("a service folder without kolla config: %v", procs)
	}
}

// TestContainerPolicy: a service's policy file is looked up beside the
// configuration of its API's container (kolla: neutron-server's), not the
// first container holding a copy (neutron-dhcp-agent).
func TestContainerPolicy(t *testing.T) {
	cfg := func(cmd string, files ...string) string {
		out := `{"command": "` + cmd + `", "config_files": [`
		for i, f := range files {
			if i > 0 {
				out += ","
			}
			out += `{"source": "/var/lib/kolla/config_files/` + f + `", "dest": "/etc/neutron/` + f + `"}`
		}
		return out + "]}"
	}
	s := writeTree(t, map[string]string{
		"n/etc/kolla/neutron-dhcp-agent/config.json":  cfg("neutron-dhcp-agent", "neutron.conf"),
		"n/etc/kolla/neutron-dhcp-agent/neutron.conf": "[DEFAULT]\n",
		"n/etc/kolla/neutron-server/config.json":      cfg("neutron-server", "neutron.conf", "policy.yaml"),
		"n/etc/kolla/neutron-server/neutron.conf":     "[DEFAULT]\n",
		"n/etc/kolla/neutron-server/policy.yaml":      "\"get_network\": \"rule:admin_only\"\n",
	})
	d := Build(s)
	pols := d.Plain()["policies"].([]any)
	if len(pols) != 1 {
		t.Fatalf("policies: %v", pols)
	}
	p := pols[0].(map[string]any)
	if p["service"] != "neutron" || p["read_as"] != "policy_file" {
		t.Errorf("policy: service %v read_as %v", p["service"], p["read_as"])
	}
}
