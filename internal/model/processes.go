package model

import (
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// Processes are the OpenStack processes of one node (process name ->
// evidence), decided in this order: the roles .stacklint.yaml gives the
// node; else the units the node's init system starts at boot
// (snapshot.Node.Enabled) and, for what they leave open, the files the
// node holds (inferServices). A project with an enabled unit on the node
// runs there only the processes whose units are enabled (a packaged agent
// file beside them is no agent), and those of its processes that may run
// inside httpd or uwsgi (keystone, placement-api, nova-api) only on their
// own file's evidence, not on a guess. A masked unit (linked to /dev/null)
// runs nothing: its process does not run on the node unless another unit
// of it is enabled (only for processes started by units of their own: a
// masked keystone unit leaves keystone in httpd).
func nodeProcesses(files []*Loaded, enabled []snapshot.Enabled, masked, roles []string) map[string]string {
	if roles != nil {
		return assignedServices(roles, files)
	}
	units := map[string]string{}
	projects := map[string]bool{}
	for _, e := range enabled {
		if p := unitProcess(e.Unit); p != "" {
			units[p] = "enabled: " + e.Path
			projects[project(p)] = true
		}
	}
	svc := inferServices(files, units)
	for p, why := range svc {
		if units[p] == "" && projects[project(p)] && (unitManaged[p] || !strings.HasPrefix(why, "file: ")) {
			delete(svc, p)
		}
	}
	for _, u := range masked {
		if p := unitProcess(u); unitManaged[p] && units[p] == "" {
			delete(svc, p)
		}
	}
	return svc
}

// unitManaged are the processes every packaging starts from a unit of
// their own; keystone, placement-api and nova-api may run inside httpd or
// uwsgi, so a missing unit says nothing of them.
var unitManaged = map[string]bool{
	"nova-compute": true, "nova-scheduler": true, "nova-conductor": true, "nova-novncproxy": true,
	"neutron-server": true, "neutron-openvswitch-agent": true, "neutron-linuxbridge-agent": true,
	"neutron-l3-agent": true, "neutron-dhcp-agent": true, "neutron-metadata-agent": true,
	"neutron-sriov-nic-agent": true, "glance-registry": true,
	"cinder-scheduler": true, "cinder-volume": true, "cinder-backup": true,
}

// project is the OpenStack project of a process ("neutron" for
// neutron-l3-agent).
func project(process string) string {
	p, _, _ := strings.Cut(process, "-")
	return p
}

// devstackUnits maps devstack's service names (devstack@<name>.service,
// stack.sh's run_process) to processes.
var devstackUnits = map[string]string{
	"n-api": "nova-api", "n-cpu": "nova-compute", "n-sch": "nova-scheduler", "n-cond": "nova-conductor",
	"n-super-cond": "nova-conductor", "n-cond-cell1": "nova-conductor", "n-novnc": "nova-novncproxy",
	"n-novnc-cell1": "nova-novncproxy", "n-api-meta": "nova-api", "q-svc": "neutron-server",
	"neutron-api": "neutron-server", "q-agt": "neutron-openvswitch-agent", "q-l3": "neutron-l3-agent",
	"q-dhcp": "neutron-dhcp-agent", "q-meta": "neutron-metadata-agent", "keystone": "keystone",
	"g-api": "glance-api", "g-reg": "glance-registry", "placement-api": "placement-api",
	"c-api": "cinder-api", "c-sch": "cinder-scheduler", "c-vol": "cinder-volume", "c-bak": "cinder-backup",
}

// unitAliases are packaged unit names that differ from the process name
// (Debian's neutron-sriov-agent, neutron-api and neutron-rpc-server).
var unitAliases = map[string]string{
	"neutron-sriov-agent": "neutron-sriov-nic-agent", "neutron-api": "neutron-server",
	"neutron-rpc-server": "neutron-server",
}

// otherProcesses are processes stacklint knows by name besides
// unitManaged, whose units count as evidence of their project.
var otherProcesses = map[string]bool{
	"nova-api": true, "nova-metadata-api": true, "nova-consoleauth": true, "nova-spicehtml5proxy": true,
	"nova-serialproxy": true, "keystone": true, "glance-api": true, "placement-api": true,
	"cinder-api": true, "neutron-metering-agent": true, "neutron-vpn-agent": true, "neutron-lbaas-agent": true,
	"neutron-lbaasv2-agent": true, "neutron-macvtap-agent": true, "neutron-ovn-metadata-agent": true,
}

// unitProcess returns the OpenStack process a unit starts, or "": RDO's
// openstack-<process>, Debian's and Ubuntu's <process>, devstack's
// devstack@<service>.
func unitProcess(unit string) string {
	if d, ok := strings.CutPrefix(unit, "devstack@"); ok {
		return devstackUnits[d]
	}
	u := strings.TrimPrefix(unit, "openstack-")
	if a, ok := unitAliases[u]; ok {
		return a
	}
	if unitManaged[u] || otherProcesses[u] {
		return u
	}
	return ""
}

// servicesOf lists the processes of a node by name, sorted.
func servicesOf(procs map[string]string) []string {
	out := make([]string, 0, len(procs))
	for p := range procs {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// yieldGuessedServers drops the weakest guess, neutron-server on a node
// with neutron.conf, an ML2 file and no agent file, when another node's
// enabled unit or .stacklint.yaml places neutron-server: the deployment
// says where its server runs (the Icehouse guide's compute node keeps
// ml2_conf.ini for its OVS agent).
func yieldGuessedServers(builders []*nodeBuilder) {
	placed := false
	for _, b := range builders {
		why := b.procs["neutron-server"]
		if strings.HasPrefix(why, "enabled: ") || strings.HasPrefix(why, ".stacklint.yaml") {
			placed = true
		}
	}
	if !placed {
		return
	}
	for _, b := range builders {
		if b.procs["neutron-server"] == guessServer {
			delete(b.procs, "neutron-server")
		}
	}
}

// processesDoc is nodes.<n>.processes: every process of the node with the
// files it loads in order and its evidence.
func (b *nodeBuilder) processesDoc() map[string]any {
	byNodePath := map[string]*Loaded{}
	for _, f := range b.files {
		if snapshot.IsINI(f.Kind) {
			byNodePath[f.NodePath] = f
		}
	}
	l := newLauncher(b.files, b.enabled, func(p string) bool { return byNodePath[p] != nil })
	out := make(map[string]any, len(b.procs))
	for p, why := range b.procs {
		if rs := b.runs[p]; rs != nil {
			out[p] = containerDoc(p, rs, b.layout())
			continue
		}
		out[p] = processDoc(why, l.of(p), byNodePath)
	}
	return out
}
