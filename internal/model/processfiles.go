package model

import (
	"path"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// Packagings a node's processes are started by, each with its own
// --config-file lists.
const (
	pkgRDO      = "rdo"      // RDO / RHEL units
	pkgDevstack = "devstack" // devstack's run_process
	pkgDefault  = "packaged" // Debian/Ubuntu init scripts and units, and upstream's defaults
)

// agentFiles are the file each neutron agent loads after neutron.conf, as
// node paths.
var agentFiles = map[string]string{
	"neutron-openvswitch-agent": "etc/neutron/plugins/ml2/openvswitch_agent.ini",
	"neutron-linuxbridge-agent": "etc/neutron/plugins/ml2/linuxbridge_agent.ini",
	"neutron-sriov-nic-agent":   "etc/neutron/plugins/ml2/sriov_agent.ini",
	"neutron-l3-agent":          "etc/neutron/l3_agent.ini",
	"neutron-dhcp-agent":        "etc/neutron/dhcp_agent.ini",
	"neutron-metadata-agent":    "etc/neutron/metadata_agent.ini",
	"neutron-lbaas-agent":       "etc/neutron/lbaas_agent.ini",
	"neutron-lbaasv2-agent":     "etc/neutron/lbaas_agent.ini",
}

// loadOrder lists the files (and, ending in "/", config-dirs) a process
// loads in a packaging, as node paths, first loaded first (later values
// win). Sources:
//   - RDO: rdo-packages/neutron-distgit neutron-server.service,
//     neutron-openvswitch-agent.service, neutron-dhcp-agent.service,
//     neutron-metadata-agent.service, neutron-sriov-nic-agent.service
//     (--config-file /usr/share/neutron/neutron-dist.conf --config-file
//     /etc/neutron/neutron.conf [--config-file /etc/neutron/plugin.ini |
//     the agent's file] --config-dir /etc/neutron/conf.d/common
//     --config-dir /etc/neutron/conf.d/<unit>); nova's units pass no
//     arguments and RDO's nova reads /usr/share/nova/nova-dist.conf, then
//     /etc/nova/nova.conf (nova-compute: then nova-compute.conf, as the
//     privsep-helper command lines RDO's nova-compute starts show);
//     keystone and glance-api read their -dist.conf first the same way.
//   - Debian/Ubuntu: the neutron package's init scripts append
//     --config-file=/etc/neutron/neutron.conf and the agent's own file;
//     neutron-server's /etc/default/neutron-server names
//     plugins/ml2/ml2_conf.ini; nova-compute loads nova.conf and
//     nova-compute.conf.
//   - devstack (lib/nova, lib/neutron-legacy): n-cpu runs nova-compute
//     --config-file $NOVA_CPU_CONF (nova-cpu.conf) alone; neutron-server
//     and the OVS agent load neutron.conf and ml2_conf.ini.
//   - oslo.config reads <project>.conf.d/*.conf (default config dirs)
//     after the files, unless --config-dir is given (RDO's neutron).
func loadOrder(proc, pkg string, has func(string) bool) []string {
	proj := project(proc)
	conf := "etc/" + proj + "/" + proj + ".conf"
	confD := "etc/" + proj + "/" + proj + ".conf.d/"
	switch proj {
	case "glance":
		conf = "etc/glance/" + proc + ".conf"
		confD = "etc/glance/" + proc + ".conf.d/"
	case "placement":
		return []string{"etc/placement/placement.conf"}
	}
	out := append(distFiles(proc, proj, pkg), mainFiles(proc, pkg, conf, has)...)
	switch {
	case proc == "nova-compute" && pkg == pkgDevstack && has("etc/nova/nova-cpu.conf"):
		return out
	case pkg == pkgRDO && proj == "neutron":
		return append(out, "etc/neutron/conf.d/common/", "etc/neutron/conf.d/"+proc+"/")
	}
	return append(out, confD)
}

// distFiles is RDO's dist file of a process, loaded first.
func distFiles(proc, proj, pkg string) []string {
	if pkg != pkgRDO {
		return nil
	}
	switch proj {
	case "nova", "neutron", "keystone", "cinder":
		return []string{"usr/share/" + proj + "/" + proj + "-dist.conf"}
	case "glance":
		return []string{"usr/share/glance/" + proc + "-dist.conf"}
	}
	return nil
}

// mainFiles are the --config-file files of a process after the dist file.
func mainFiles(proc, pkg, conf string, has func(string) bool) []string {
	switch {
	case proc == "nova-compute" && pkg == pkgDevstack && has("etc/nova/nova-cpu.conf"):
		return []string{"etc/nova/nova-cpu.conf"}
	case proc == "nova-compute":
		return []string{conf, "etc/nova/nova-compute.conf"}
	case proc == "neutron-server" && pkg == pkgRDO:
		return []string{conf, "etc/neutron/plugin.ini"}
	case proc == "neutron-server":
		return []string{conf, "etc/neutron/plugins/ml2/ml2_conf.ini"}
	case proc == "neutron-openvswitch-agent" && !has(agentFiles[proc]):
		return []string{conf, "etc/neutron/plugins/ml2/ml2_conf.ini"} // devstack, and Icehouse's [ovs] in ml2_conf.ini
	case agentFiles[proc] != "":
		return []string{conf, agentFiles[proc]}
	}
	return []string{conf}
}

// packaging tells how a node's processes are started, with its evidence:
// devstack's nova-cpu.conf or units, RDO's dist files, openstack-* units,
// neutron conf.d folders or SysV rc.d links; anything else is read as
// Debian/Ubuntu and upstream packaging (their lists agree).
func packaging(files []*Loaded, enabled []snapshot.Enabled) string {
	for _, e := range enabled {
		switch {
		case strings.HasPrefix(e.Unit, "devstack@"):
			return pkgDevstack
		case strings.HasPrefix(e.Unit, "openstack-"):
			return pkgRDO
		}
	}
	rdo := false
	for _, f := range files {
		switch {
		case f.Kind == "nova-cpu.conf":
			return pkgDevstack
		case strings.HasSuffix(f.Kind, "-dist.conf"), f.Kind == snapshot.KindNeutronConfD:
			rdo = true
		}
	}
	if rdo {
		return pkgRDO
	}
	return pkgDefault
}

// processDoc is nodes.<n>.processes.<p>: the files the process loads that
// the snapshot holds, as shown paths in load order (config-dir files
// sorted by name), the evidence that it runs on the node, what decided the
// list (files_from) and the units, drop-ins and default files read for it
// (launched_by, shown paths).
func processDoc(why string, l launch, byNodePath map[string]*Loaded) map[string]any {
	files := []any{}
	kinds := map[string]bool{}
	for _, p := range l.order {
		if !strings.HasSuffix(p, "/") {
			if f := byNodePath[p]; f != nil {
				files = append(files, f.Path)
				kinds[f.Kind] = true
			}
			continue
		}
		var in []string
		for np := range byNodePath {
			if path.Dir(np)+"/" == p {
				in = append(in, np)
			}
		}
		sort.Strings(in)
		for _, np := range in {
			files = append(files, byNodePath[np].Path)
			kinds[byNodePath[np].Kind] = true
		}
	}
	return map[string]any{"files": files, "kinds": toAny(sortedKeys(kinds)), "evidence": why, "files_from": l.from, "launched_by": toAny(l.by)}
}

// configArgs picks --config-file and --config-dir (with " " or "=") from a
// command line, as node paths; nil when there are none.
func configArgs(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		words[i] = strings.Trim(words[i], `"'`) // systemd removes the quotes
		name, val, eq := strings.Cut(words[i], "=")
		if name != "--config-file" && name != "--config-dir" {
			continue
		}
		if !eq {
			if i+1 >= len(words) {
				break
			}
			i++
			val = strings.Trim(words[i], `"'`)
		}
		p := cleanArg(val) // --config-file="/etc/x.conf": systemd and sh remove the quotes
		if name == "--config-dir" {
			p += "/"
		}
		out = append(out, p)
	}
	return out
}

// withDefaultDir adds the project's default config dir
// (etc/<project>/<project>.conf.d) after a unit's --config-file list when
// the unit gives no --config-dir: oslo.config's --config-dir default
// stands apart from --config-file's (cfg.py find_config_dirs).
func withDefaultDir(proc string, order []string) []string {
	for _, p := range order {
		if strings.HasSuffix(p, "/") {
			return order
		}
	}
	proj := project(proc)
	dir := "etc/" + proj + "/" + proj + ".conf.d/"
	if proj == "glance" {
		dir = "etc/glance/" + proc + ".conf.d/"
	}
	return append(order, dir)
}
