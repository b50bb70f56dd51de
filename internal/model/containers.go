package model

import (
	"path"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// run is one container running an OpenStack process: the container and
// the files that land in it (snapshot.File.Dest set), by node path order.
type run struct {
	c     snapshot.Container
	files []*Loaded
	why   string
}

// containerRuns are the OpenStack processes of a node in a container
// layout (kolla-ansible, TripleO), each with the container(s) running it:
// the process a container runs is named by the container (kolla's
// nova-api, TripleO's nova_api), else by the program its command starts,
// else (a container without a kolla config, or named otherwise) inferred
// from the files that land in it as for a package node. Containers that
// run nothing OpenStack knows (mariadb, nova-libvirt, cron) run no
// process. nil for a node that is not in a container layout.
func containerRuns(n *snapshot.Node, files []*Loaded) map[string][]run {
	if len(n.Containers) == 0 {
		return nil
	}
	out := map[string][]run{}
	for _, c := range n.Containers {
		in := containerFiles(c, files)
		why := "container: " + c.Config
		if c.Config == "" {
			why = "container: " + c.Source
		}
		if p := containerProcess(c); p != "" {
			out[p] = append(out[p], run{c: c, files: in, why: why})
			continue
		}
		if c.Config != "" {
			continue
		}
		for p := range inferServices(in, nil) {
			out[p] = append(out[p], run{c: c, files: in, why: why})
		}
	}
	return out
}

// containerFiles are the files of the node that land in container c.
func containerFiles(c snapshot.Container, files []*Loaded) []*Loaded {
	var out []*Loaded
	for _, f := range files {
		if f.Dest != "" && strings.HasPrefix(f.NodePath, c.Source+"/") {
			out = append(out, f)
		}
	}
	return out
}

// containerProcess is the process a container runs by its name or its
// command's program, "" when neither names one.
func containerProcess(c snapshot.Container) string {
	name := strings.ReplaceAll(c.Name, "_", "-")
	if p, ok := tripleoProcesses[c.Name]; ok {
		return p
	}
	if p := unitProcess(name); p != "" {
		return p
	}
	if words := strings.Fields(c.Command); len(words) > 0 {
		return unitProcess(path.Base(words[0]))
	}
	return ""
}

// tripleoProcesses are tripleo-heat-templates' container names that are not
// their process's name with "_" for "-" (deployment/*/*-container-puppet.yaml).
var tripleoProcesses = map[string]string{
	"neutron_api": "neutron-server", "neutron_ovs_agent": "neutron-openvswitch-agent",
	"neutron_dhcp": "neutron-dhcp-agent", "neutron_l3_agent": "neutron-l3-agent",
	"neutron_metadata_agent": "neutron-metadata-agent", "nova_vnc_proxy": "nova-novncproxy",
	"nova_metadata": "nova-metadata-api", "ovn_metadata_agent": "neutron-ovn-metadata-agent",
	"neutron_sriov_agent": "neutron-sriov-nic-agent",
}

// containerProcesses is process -> evidence of the runs.
func containerProcesses(runs map[string][]run) map[string]string {
	out := make(map[string]string, len(runs))
	for p, rs := range runs {
		out[p] = rs[0].why
	}
	return out
}

// containerDoc is nodes.<n>.processes.<p> of a process that runs in
// containers: the files that land in them, in the order the process loads
// them there (the --config-file/--config-dir arguments of the container's
// command, else the packaged list of kolla's images (Debian/Ubuntu and
// upstream order) or TripleO's (RDO)), shown by their host paths.
func containerDoc(proc string, rs []run, layout string) map[string]any {
	pkg := pkgDefault
	if layout == snapshot.LayoutTripleO {
		pkg = pkgRDO
	}
	var files, by []any
	kinds := map[string]bool{}
	from := ""
	for _, r := range rs {
		byDest := map[string]*Loaded{}
		for _, f := range r.files {
			if snapshot.IsINI(f.Kind) {
				byDest[strings.TrimPrefix(f.Dest, "/")] = f
			}
		}
		l := containerLaunch(proc, pkg, r.c, func(p string) bool { return byDest[p] != nil })
		d := processDoc(r.why, l, byDest)
		files = append(files, d["files"].([]any)...)
		for _, k := range d["kinds"].([]any) {
			kinds[k.(string)] = true
		}
		if r.c.Config != "" {
			by = append(by, r.c.Config)
		}
		if from == "" {
			from = l.from
		}
	}
	return map[string]any{"files": orEmpty(files), "kinds": toAny(sortedKeys(kinds)), "evidence": rs[0].why,
		"files_from": from, "launched_by": orEmpty(by), "containers": containerNames(rs)}
}

// containerLaunch is the order a process loads its files in the container.
func containerLaunch(proc, pkg string, c snapshot.Container, has func(string) bool) launch {
	if order := configArgs(strings.Fields(c.Command)); order != nil {
		return launch{order: withDefaultDir(proc, order), from: "command of " + c.Config}
	}
	return launch{order: loadOrder(proc, pkg, has), from: "packaged lists (" + pkg + ") in container " + c.Name}
}

func containerNames(rs []run) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		out[i] = r.c.Name
	}
	return out
}

// policyAPI is the process that enforces a service's policies.
var policyAPI = map[string]string{
	"nova": "nova-api", "neutron": "neutron-server", "keystone": "keystone",
	"glance": "glance-api", "placement": "placement-api",
}

// apiConfig is, in a container layout, the service's configuration file
// (conf, a node path in the container) in its API's container, else
// fallback (the first copy by host path): policy files are looked up
// beside it.
func (b *nodeBuilder) apiConfig(service, conf string, fallback *Loaded) *Loaded {
	for _, r := range b.runs[policyAPI[service]] {
		for _, f := range r.files {
			if f.Dest == "/"+conf {
				return f
			}
		}
	}
	return fallback
}

// containerOf names the host folder a container's file lies in: kolla's
// container (etc/kolla/nova-conductor/nova.conf: nova-conductor), TripleO's
// service folder (puppet-generated/nova_libvirt/...: nova_libvirt).
func containerOf(nodePath string) string {
	for _, dir := range []string{"etc/kolla/", "var/lib/config-data/puppet-generated/"} {
		if rest, ok := strings.CutPrefix(nodePath, dir); ok {
			name, _, _ := strings.Cut(rest, "/")
			return name
		}
	}
	return ""
}

// containersDoc is nodes.<n>.containers: every container of the node
// with its kolla config file and host folder (not its command, which
// could carry a secret).
func containersDoc(n []snapshot.Container) []any {
	out := make([]any, len(n))
	for i, c := range n {
		out[i] = map[string]any{"name": c.Name, "config": c.Config, "source": c.Source}
	}
	return out
}
