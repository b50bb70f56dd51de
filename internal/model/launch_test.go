package model

import (
	"reflect"
	"testing"
)

// TestPackagedUnitAndDropIns: a packaged unit under usr/lib/systemd/system
// gives the process its files (RDO's neutron-server.service), a drop-in in
// etc/systemd/system/<unit>.service.d that resets ExecStart= replaces the
// command, drop-ins apply in file-name order, and an /etc drop-in hides
// the packaged drop-in of the same name (issue 16).
func TestPackagedUnitAndDropIns(t *testing.T) {
	rdo := "[Service]\nExecStart=/usr/bin/neutron-server --config-file /usr/share/neutron/neutron-dist.conf \\\n" +
		"  --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugin.ini --config-dir /etc/neutron/conf.d/common --config-dir /etc/neutron/conf.d/neutron-server\n"
	files := map[string]string{
		"n/etc/neutron/neutron.conf":                                  "[DEFAULT]\n",
		"n/etc/neutron/plugins/ml2/ml2_conf.ini":                      "[ml2]\n",
		"n/etc/neutron/plugin.ini":                                    "->/etc/neutron/plugins/ml2/ml2_conf.ini",
		"n/etc/neutron/fwaas_driver.ini":                              "[fwaas]\n",
		"n/etc/neutron/conf.d/neutron-server/10.conf":                 "[DEFAULT]\n",
		"n/usr/lib/systemd/system/neutron-server.service":             rdo,
		"n/" + wants + "neutron-server.service":                       "->/usr/lib/systemd/system/neutron-server.service",
		"n/etc/nova/nova.conf":                                        "[DEFAULT]\n",
		"n/lib/systemd/system/nova-compute.service":                   "[Service]\nExecStart=/usr/bin/nova-compute --config-file=/etc/nova/nova.conf\n",
		"n/usr/lib/systemd/system/nova-compute.service.d/20-a.conf":   "[Service]\nExecStart=\nExecStart=/usr/bin/nova-compute --config-file=/etc/nova/packaged.conf\n",
		"n/etc/systemd/system/nova-compute.service.d/20-a.conf":       "[Service]\nExecStart=\nExecStart=-/usr/bin/nova-compute --config-file=/etc/nova/nova.conf --config-file /etc/nova/late.conf\n",
		"n/usr/lib/systemd/system/nova-compute.service.d/10-b.conf":   "[Service]\nExecStart=\nExecStart=/usr/bin/nova-compute --config-file=/etc/nova/early.conf\n",
		"n/" + wants + "nova-compute.service":                         "->/lib/systemd/system/nova-compute.service",
		"n/etc/nova/nova-compute.conf":                                "[DEFAULT]\n",
		"n/etc/systemd/system/neutron-server.service.d/override.conf": "[Service]\nExecStart=\nExecStart=/usr/bin/neutron-server --config-file /etc/neutron/neutron.conf --config-file /etc/neutron/plugin.ini --config-file=/etc/neutron/fwaas_driver.ini\n",
	}
	procs := processesOf(t, Build(writeTree(t, files)), "n")
	want := []any{"n/etc/neutron/neutron.conf", "n/etc/neutron/plugin.ini", "n/etc/neutron/fwaas_driver.ini"}
	if got := filesOf(t, procs, "neutron-server"); !reflect.DeepEqual(got, want) {
		t.Errorf("neutron-server files\n got %v\nwant %v", got, want)
	}
	from := procs["neutron-server"].(map[string]any)["files_from"]
	if from != "ExecStart of n/etc/systemd/system/neutron-server.service.d/override.conf" {
		t.Errorf("neutron-server files_from %v", from)
	}
	// 10-b (packaged) then 20-a (/etc hides the packaged 20-a): 20-a wins
	want = []any{"n/etc/nova/nova.conf"}
	if got := filesOf(t, procs, "nova-compute"); !reflect.DeepEqual(got, want) {
		t.Errorf("nova-compute files %v, want %v (late.conf is not in the snapshot)", got, want)
	}
	delete(files, "n/etc/systemd/system/neutron-server.service.d/override.conf")
	procs = processesOf(t, Build(writeTree(t, files)), "n")
	want = []any{"n/etc/neutron/neutron.conf", "n/etc/neutron/plugin.ini", "n/etc/neutron/conf.d/neutron-server/10.conf"}
	if got := filesOf(t, procs, "neutron-server"); !reflect.DeepEqual(got, want) {
		t.Errorf("neutron-server files from the packaged unit\n got %v\nwant %v", got, want)
	}
}

// TestMaskedUnitRunsNothing: an agent file that sets options makes an
// agent, unless the agent's unit is masked (linked to /dev/null); a masked
// keystone unit says nothing of keystone in httpd.
func TestMaskedUnitRunsNothing(t *testing.T) {
	files := map[string]string{
		"net/etc/neutron/neutron.conf":   "[DEFAULT]\n",
		"net/etc/neutron/l3_agent.ini":   "[DEFAULT]\ninterface_driver = openvswitch\n",
		"net/etc/keystone/keystone.conf": "[DEFAULT]\n",
	}
	procs := processesOf(t, Build(writeTree(t, files)), "net")
	if _, ok := procs["neutron-l3-agent"]; !ok {
		t.Fatal("no L3 agent without the mask")
	}
	files["net/etc/systemd/system/neutron-l3-agent.service"] = "->/dev/null"
	files["net/etc/systemd/system/keystone.service"] = "->/dev/null"
	procs = processesOf(t, Build(writeTree(t, files)), "net")
	if _, ok := procs["neutron-l3-agent"]; ok {
		t.Error("an L3 agent whose unit is masked")
	}
	if _, ok := procs["keystone"]; !ok {
		t.Error("keystone lost to a masked unit (it runs in httpd)")
	}
}

// TestInitDefaults: Debian's and Ubuntu's etc/default/<name> files adjust
// the packaged --config-file list: DAEMON_ARGS appends (with
// $DAEMON_ARGS) or replaces, NEUTRON_PLUGIN_CONFIG picks neutron-server's
// plugin file, etc/default/openstack is read first.
func TestInitDefaults(t *testing.T) {
	s := writeTree(t, map[string]string{
		"c/etc/neutron/neutron.conf":                      "[DEFAULT]\n",
		"c/etc/neutron/plugins/ml2/ml2_conf.ini":          "[ml2]\n",
		"c/etc/neutron/plugins/ml2/linuxbridge_agent.ini": "[linux_bridge]\n",
		"c/etc/neutron/plugins/ml2/openvswitch_agent.ini": "[ovs]\n",
		"c/etc/neutron/fwaas_driver.ini":                  "[fwaas]\n",
		"c/etc/neutron/l3_agent.ini":                      "[DEFAULT]\ninterface_driver = linuxbridge\n",
		"c/etc/default/neutron-server":                    "# defaults for neutron-server\nNEUTRON_PLUGIN_CONFIG=\"/etc/neutron/plugins/ml2/linuxbridge_agent.ini\"\nDAEMON_ARGS=\"$DAEMON_ARGS --config-file=/etc/neutron/fwaas_driver.ini\"\n",
		"c/etc/default/openstack":                         "USE_SYSLOG=no\n",
		"c/etc/default/neutron-l3-agent":                  "DAEMON_ARGS='--config-file /etc/neutron/l3_agent.ini --config-file=/etc/neutron/fwaas_driver.ini'\n",
		"c/etc/keystone/keystone.conf":                    "[DEFAULT]\n",
	})
	procs := processesOf(t, Build(s), "c")
	want := []any{"c/etc/neutron/neutron.conf", "c/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "c/etc/neutron/fwaas_driver.ini"}
	if got := filesOf(t, procs, "neutron-server"); !reflect.DeepEqual(got, want) {
		t.Errorf("neutron-server files\n got %v\nwant %v", got, want)
	}
	doc := procs["neutron-server"].(map[string]any)
	if doc["files_from"] != "packaged lists (packaged) with DAEMON_ARGS of c/etc/default/neutron-server" ||
		!reflect.DeepEqual(doc["launched_by"], []any{"c/etc/default/neutron-server"}) {
		t.Errorf("neutron-server provenance %v %v", doc["files_from"], doc["launched_by"])
	}
	// DAEMON_ARGS without $DAEMON_ARGS replaces the packaged arguments, the
	// template's --config-file=/etc/neutron/neutron.conf included
	want = []any{"c/etc/neutron/l3_agent.ini", "c/etc/neutron/fwaas_driver.ini"}
	if got := filesOf(t, procs, "neutron-l3-agent"); !reflect.DeepEqual(got, want) {
		t.Errorf("L3 agent files\n got %v\nwant %v", got, want)
	}
}

// TestUnitConfigDir: a --config-dir naming a folder no packaging uses has
// its *.conf files read, classified as the project's config-dir (schema
// checks, layering), sorted after the --config-file files.
func TestUnitConfigDir(t *testing.T) {
	s := writeTree(t, map[string]string{
		"c1/etc/nova/nova.conf":                      "[DEFAULT]\n",
		"c1/etc/nova/compute.d/20-b.conf":            "[DEFAULT]\nhost = b\n",
		"c1/etc/nova/compute.d/10-a.conf":            "[DEFAULT]\nhost = a\n",
		"c1/etc/nova/compute.d/notes.txt":            "x",
		"c1/etc/systemd/system/nova-compute.service": "[Service]\nExecStart=/usr/bin/nova-compute --config-file=/etc/nova/nova.conf --config-dir=\"/etc/nova/compute.d\"\n",
		"c1/" + wants + "nova-compute.service":       "->/etc/systemd/system/nova-compute.service",
	})
	for _, f := range s.Nodes[0].Files {
		if f.NodePath == "etc/nova/compute.d/10-a.conf" && f.Kind != "nova.conf.d" {
			t.Errorf("kind %q", f.Kind)
		}
	}
	procs := processesOf(t, Build(s), "c1")
	want := []any{"c1/etc/nova/nova.conf", "c1/etc/nova/compute.d/10-a.conf", "c1/etc/nova/compute.d/20-b.conf"}
	if got := filesOf(t, procs, "nova-compute"); !reflect.DeepEqual(got, want) {
		t.Errorf("nova-compute files\n got %v\nwant %v", got, want)
	}
}
