package model

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// writeTree writes files (path -> content) and links (path -> "->target")
// under a fresh folder and discovers it.
func writeTree(t *testing.T, files map[string]string) *snapshot.Snapshot {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if len(c) > 2 && c[:2] == "->" {
			err = os.Symlink(c[2:], full)
		} else {
			err = os.WriteFile(full, []byte(c), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := snapshot.Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func processesOf(t *testing.T, d *Deployment, node string) map[string]any {
	t.Helper()
	return d.Plain()["nodes"].(map[string]any)[node].(map[string]any)["processes"].(map[string]any)
}

func filesOf(t *testing.T, procs map[string]any, p string) []any {
	t.Helper()
	doc, ok := procs[p].(map[string]any)
	if !ok {
		t.Fatalf("no process %s among %v", p, procs)
	}
	return doc["files"].([]any)
}

const wants = "etc/systemd/system/multi-user.target.wants/"

// TestProcessFilesRDO: on an RDO node (its dist files) each process loads
// the dist file first, then the /etc files, then its config-dirs' *.conf
// in name order; the enabled units say which processes run, so the
// packaged l3_agent.ini beside them makes no L3 agent, and a node without
// keystone, glance or placement files still runs neutron-server.
func TestProcessFilesRDO(t *testing.T) {
	s := writeTree(t, map[string]string{
		"net/usr/share/neutron/neutron-dist.conf":            "[DEFAULT]\nverbose = True\n",
		"net/usr/share/nova/nova-dist.conf":                  "[DEFAULT]\n",
		"net/etc/neutron/neutron.conf":                       "[DEFAULT]\ncore_plugin = ml2\n",
		"net/etc/neutron/plugins/ml2/ml2_conf.ini":           "[ml2]\ntype_drivers = flat\n",
		"net/etc/neutron/plugin.ini":                         "->/etc/neutron/plugins/ml2/ml2_conf.ini",
		"net/etc/neutron/plugins/ml2/openvswitch_agent.ini":  "[ovs]\nlocal_ip = 10.0.0.5\n",
		"net/etc/neutron/l3_agent.ini":                       "[DEFAULT]\ninterface_driver = openvswitch\n",
		"net/etc/neutron/conf.d/neutron-server/20-b.conf":    "[DEFAULT]\n",
		"net/etc/neutron/conf.d/neutron-server/10-a.conf":    "[DEFAULT]\n",
		"net/etc/neutron/conf.d/common/00-x.conf":            "[DEFAULT]\n",
		"net/etc/nova/nova.conf":                             "[neutron]\nservice_metadata_proxy = true\n",
		"net/etc/nova/nova.conf.d/01-x.conf":                 "[DEFAULT]\n",
		"net/" + wants + "neutron-server.service":            "->/usr/lib/systemd/system/neutron-server.service",
		"net/" + wants + "neutron-openvswitch-agent.service": "->/usr/lib/systemd/system/neutron-openvswitch-agent.service",
	})
	d := Build(s)
	procs := processesOf(t, d, "net")
	got := filesOf(t, procs, "neutron-server")
	want := []any{"net/usr/share/neutron/neutron-dist.conf", "net/etc/neutron/neutron.conf", "net/etc/neutron/plugin.ini",
		"net/etc/neutron/conf.d/common/00-x.conf", "net/etc/neutron/conf.d/neutron-server/10-a.conf",
		"net/etc/neutron/conf.d/neutron-server/20-b.conf"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("neutron-server files\n got %v\nwant %v", got, want)
	}
	got = filesOf(t, procs, "neutron-openvswitch-agent")
	want = []any{"net/usr/share/neutron/neutron-dist.conf", "net/etc/neutron/neutron.conf",
		"net/etc/neutron/plugins/ml2/openvswitch_agent.ini", "net/etc/neutron/conf.d/common/00-x.conf"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("OVS agent files\n got %v\nwant %v", got, want)
	}
	if _, ok := procs["neutron-l3-agent"]; ok {
		t.Error("an L3 agent whose unit is not enabled")
	}
	if _, ok := procs["nova-compute"]; ok {
		t.Error("nova-compute on a node whose neutron-server is enabled and whose nova.conf serves the metadata proxy")
	}
	got = filesOf(t, procs, "nova-api")
	want = []any{"net/usr/share/nova/nova-dist.conf", "net/etc/nova/nova.conf", "net/etc/nova/nova.conf.d/01-x.conf"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nova-api files\n got %v\nwant %v", got, want)
	}
	ev := procs["neutron-server"].(map[string]any)["evidence"]
	if ev != "enabled: net/"+wants+"neutron-server.service" {
		t.Errorf("neutron-server evidence %v", ev)
	}
}

// TestProcessFilesDevstack: devstack's n-cpu loads nova-cpu.conf instead of
// nova.conf, and a unit's own ExecStart decides its files.
func TestProcessFilesDevstack(t *testing.T) {
	s := writeTree(t, map[string]string{
		"aio/etc/keystone/keystone.conf":                 "[DEFAULT]\n",
		"aio/etc/nova/nova.conf":                         "[api_database]\nconnection = sqlite://\n",
		"aio/etc/nova/nova-cpu.conf":                     "[DEFAULT]\ncompute_driver = libvirt.LibvirtDriver\n",
		"aio/etc/neutron/neutron.conf":                   "[DEFAULT]\n",
		"aio/etc/neutron/plugins/ml2/ml2_conf.ini":       "[ml2]\n",
		"aio/etc/neutron/metadata_agent.ini":             "[DEFAULT]\nnova_metadata_host = aio\n",
		"aio/etc/systemd/system/devstack@q-meta.service": "[Service]\nExecStart = /usr/local/bin/neutron-metadata-agent --config-file /etc/neutron/metadata_agent.ini --config-file=/etc/neutron/neutron.conf\n",
	})
	procs := processesOf(t, Build(s), "aio")
	if got := filesOf(t, procs, "nova-compute"); !reflect.DeepEqual(got, []any{"aio/etc/nova/nova-cpu.conf"}) {
		t.Errorf("nova-compute files %v", got)
	}
	if got := filesOf(t, procs, "nova-api"); !reflect.DeepEqual(got, []any{"aio/etc/nova/nova.conf"}) {
		t.Errorf("nova-api files %v", got)
	}
	want := []any{"aio/etc/neutron/metadata_agent.ini", "aio/etc/neutron/neutron.conf"}
	if got := filesOf(t, procs, "neutron-metadata-agent"); !reflect.DeepEqual(got, want) {
		t.Errorf("metadata agent files %v, want %v (its unit's order)", got, want)
	}
}

// TestGuessedServerYields: a node that looks like a server only because it
// has neutron.conf, an ML2 file and no agent file runs no neutron-server
// when another node's enabled unit runs it (seed 003's compute1).
func TestGuessedServerYields(t *testing.T) {
	files := map[string]string{
		"ctl/etc/neutron/neutron.conf":             "[DEFAULT]\n",
		"ctl/etc/neutron/plugins/ml2/ml2_conf.ini": "[ml2]\n",
		"cpu/etc/neutron/neutron.conf":             "[DEFAULT]\n",
		"cpu/etc/neutron/plugins/ml2/ml2_conf.ini": "[ml2]\n",
		"cpu/etc/nova/nova.conf":                   "[DEFAULT]\n",
	}
	d := Build(writeTree(t, files))
	if _, ok := processesOf(t, d, "cpu")["neutron-server"]; !ok {
		t.Fatal("without evidence the guess should stand")
	}
	files["ctl/etc/rc.d/rc3.d/S98neutron-server"] = "->../init.d/neutron-server"
	d = Build(writeTree(t, files))
	if _, ok := processesOf(t, d, "cpu")["neutron-server"]; ok {
		t.Error("cpu still runs neutron-server although ctl's start link places it")
	}
	if _, ok := processesOf(t, d, "ctl")["neutron-server"]; !ok {
		t.Error("ctl lost its neutron-server")
	}
}

// TestUnitConfigArgs: a unit's ExecStart gives the files in its order,
// quotes removed as systemd removes them, and without --config-dir the
// project's default config dir is still read after them (oslo.config's
// --config-dir default stands apart from --config-file's; red team).
func TestUnitConfigArgs(t *testing.T) {
	s := writeTree(t, map[string]string{
		"c1/etc/nova/nova.conf":                                "[DEFAULT]\ndebug = true\n",
		"c1/etc/nova/nova-compute.conf":                        "[DEFAULT]\n",
		"c1/etc/nova/nova.conf.d/30.conf":                      "[DEFAULT]\nstate_path = /from/confd\n",
		"c1/etc/systemd/system/openstack-nova-compute.service": "[Service]\nExecStart=/usr/bin/nova-compute --config-file \"/etc/nova/nova.conf\" --config-file=/etc/nova/nova-compute.conf\n",
		"c1/" + wants + "openstack-nova-compute.service":       "->/etc/systemd/system/openstack-nova-compute.service",
	})
	procs := processesOf(t, Build(s), "c1")
	got := filesOf(t, procs, "nova-compute")
	want := []any{"c1/etc/nova/nova.conf", "c1/etc/nova/nova-compute.conf", "c1/etc/nova/nova.conf.d/30.conf"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("nova-compute files\n got %v\nwant %v", got, want)
	}
}
