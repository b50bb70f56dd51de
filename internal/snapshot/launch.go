package snapshot

import (
	"path"
	"regexp"
	"strings"
)

// Kinds of the files that say how a process is started (issue 16): which
// files it loads comes from them (internal/model/processfiles.go).
const (
	// KindSystemdPackaged is a unit a package installs
	// (usr/lib/systemd/system/<unit>.service, lib/systemd/system/...) or a
	// packaged drop-in (<unit>.service.d/*.conf there), for the units of
	// OpenStack processes only (launchUnit). Units under etc/systemd/system
	// override them (KindSystemd).
	KindSystemdPackaged = "systemd-packaged"
	// KindInitDefault is a Debian/Ubuntu etc/default/<name> shell file the
	// init scripts source (DAEMON_ARGS, NEUTRON_PLUGIN_CONFIG), for
	// OpenStack processes and etc/default/openstack.
	KindInitDefault = "init-default"
)

// packagedUnitDirs are the folders packages install units into: merged-/usr
// systems have lib -> usr/lib; older Debian/Ubuntu install into lib/.
var packagedUnitDirs = []string{"usr/lib/systemd/system/", "lib/systemd/system/"}

// launchProjects are the projects whose units and default files are read.
var launchProjects = []string{"nova", "neutron", "keystone", "glance", "placement", "cinder"}

// launchUnit reports whether a unit or default-file name belongs to an
// OpenStack process: RDO's openstack-<process>, Debian's and Ubuntu's
// <process>, devstack's devstack@<service>.
func launchUnit(name string) bool {
	if strings.HasPrefix(name, "devstack@") {
		return true
	}
	name = strings.TrimPrefix(name, "openstack-")
	for _, p := range launchProjects {
		if name == p || strings.HasPrefix(name, p+"-") {
			return true
		}
	}
	return false
}

// launchKind classifies units, drop-ins and default files (nodePath is
// the path below the node root), or "".
func launchKind(nodePath string) string {
	dir, base := path.Split(nodePath)
	if strings.HasPrefix(base, ".") {
		return ""
	}
	if dir == "etc/default/" && (base == "openstack" || launchUnit(base)) {
		return KindInitDefault
	}
	for _, d := range packagedUnitDirs {
		rest, ok := strings.CutPrefix(nodePath, d)
		if !ok {
			continue
		}
		unit, file, nested := strings.Cut(rest, "/")
		if !nested {
			if u, ok := strings.CutSuffix(unit, ".service"); ok && launchUnit(u) {
				return KindSystemdPackaged
			}
			return ""
		}
		u, ok := strings.CutSuffix(unit, ".service.d")
		if ok && launchUnit(u) && !strings.Contains(file, "/") && strings.HasSuffix(file, ".conf") && !strings.HasPrefix(file, ".") {
			return KindSystemdPackaged
		}
	}
	return ""
}

// readsLaunchBelow reports whether units, drop-ins or default files lie
// below nodePath.
func readsLaunchBelow(nodePath string) bool {
	if nodePath == "etc/default" {
		return true
	}
	for _, d := range packagedUnitDirs {
		d = strings.TrimSuffix(d, "/")
		if strings.HasPrefix(d, nodePath+"/") || d == nodePath {
			return true
		}
		if dir, base := path.Split(nodePath); dir == d+"/" && strings.HasSuffix(base, ".service.d") {
			return true
		}
	}
	return false
}

// configDirArg finds the folders of --config-dir arguments in a unit or
// default file (quotes and a trailing ';' dropped, with "=" or a space).
var configDirArg = regexp.MustCompile(`--config-dir(?:=|[ \t]+)["']?([^\s"';]+)`)

// extraConfigDirs are the folders below the node root a node's units and
// default files name with --config-dir whose *.conf files Classify does
// not read already, each with the config-dir kind of its process's project
// (nova.conf.d, neutron.conf.d, keystone.conf.d, glance-api.conf.d): its
// files are read and schema-checked like the packaged config-dir's.
func extraConfigDirs(n *Node) map[string]string {
	out := map[string]string{}
	for _, f := range n.Files {
		if f.Kind != KindSystemd && f.Kind != KindSystemdPackaged && f.Kind != KindInitDefault {
			continue
		}
		kind := confDKind(launchName(f.NodePath))
		if kind == "" {
			continue
		}
		for _, m := range configDirArg.FindAllSubmatch(f.Data(), -1) {
			dir := strings.TrimPrefix(path.Clean("/"+string(m[1])), "/")
			if dir == "" || Classify(dir+"/x.conf") != "" {
				continue
			}
			if _, seen := out[dir]; !seen {
				out[dir] = kind
			}
		}
	}
	return out
}

// launchName is the unit or process name of a unit, drop-in or default
// file: etc/systemd/system/x.service.d/10.conf -> x.
func launchName(nodePath string) string {
	dir, base := path.Split(nodePath)
	if u, ok := strings.CutSuffix(path.Base(dir), ".service.d"); ok {
		return u
	}
	return strings.TrimSuffix(base, ".service")
}

// devstackProjects map devstack service prefixes to projects.
var devstackProjects = map[string]string{"n-": "nova", "q-": "neutron", "g-": "glance", "keystone": "keystone", "neutron-": "neutron"}

// confDKind is the config-dir kind of the project of a unit or default
// file name, or "" (cinder and placement have none stacklint reads).
func confDKind(name string) string {
	name = strings.TrimPrefix(name, "openstack-")
	if d, ok := strings.CutPrefix(name, "devstack@"); ok {
		for pre, proj := range devstackProjects {
			if strings.HasPrefix(d, pre) {
				name = proj
			}
		}
		if name == "glance" {
			return "glance-api.conf.d"
		}
	}
	proj, _, _ := strings.Cut(name, "-")
	switch {
	case proj == "nova" || proj == "neutron" || proj == "keystone":
		return proj + ".conf.d"
	case name == "glance-api":
		return "glance-api.conf.d"
	}
	return ""
}
