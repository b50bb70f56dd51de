package snapshot

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/safefile"
)

// Layouts a node's files are found in (Node.Layout; the model document's
// nodes.<n>.layout).
const (
	LayoutPackage = "package"       // services installed from packages: etc/<service>/...
	LayoutKolla   = "kolla-ansible" // etc/kolla/<container>/ and its config.json
	LayoutTripleO = "tripleo"       // var/lib/config-data/puppet-generated/<service>/etc/...
	LayoutSos     = "sos-report"    // a sos report: sos_commands/ beside etc/, proc/, ...
)

// KindContainerConfig is a kolla config file (kolla-ansible's
// etc/kolla/<container>/config.json, TripleO's
// var/lib/kolla/config_files/<container>.json): which file lands where in
// the container, and the command it starts.
const KindContainerConfig = "kolla-config"

// Host folders of the container layouts (node paths).
const (
	kollaDir    = "etc/kolla"                            // kolla-ansible's node_config_directory
	tripleoDir  = "var/lib/config-data/puppet-generated" // TripleO's rendered configuration per service
	tripleoJSON = "var/lib/kolla/config_files"           // TripleO's kolla config per container
	// kollaSource is the container's view of its host folder (kolla's
	// container_config_directory, bind-mounted from etc/kolla/<container>/).
	kollaSource = "/var/lib/kolla/config_files"
)

// maxContainerConfig bounds a config.json (real ones are a few KB), and
// maxConfigFiles its entries (real ones have a few dozen at most): each file
// of a container folder is matched against every entry.
const (
	maxContainerConfig = 1 << 20
	maxConfigFiles     = 4096
)

// Container is one container of a node in a container layout.
type Container struct {
	Name    string // kolla's folder name (nova-api), TripleO's container (nova_api)
	Config  string // shown path of its kolla config file, "" when none
	Command string // the command its config file starts ("" when none)
	// Source is the node path of the host folder whose files land in the
	// container (etc/kolla/nova-api, var/lib/config-data/puppet-generated/nova).
	Source string
}

// Fault is what is wrong in a file discovery read itself (a container's
// config file): the model reports it as the file's error.
type Fault struct {
	Line, Column int
	Msg          string
}

// landing is one config_files entry: the host file (or folder, or glob in
// its last element) at src lands at dest inside the container.
type landing struct {
	src, dest string // node path; absolute in-container path ("/" suffix: into that folder)
}

// landings is what a node's container layout says about its files: where
// each host file lands in its container, which projects run in containers
// (their host copies are not in effect), and the faults of config files.
type landings struct {
	byFolder map[string][]landing // kolla: container folder (node path) -> its landings
	tripleo  bool
	projects map[string]bool
	faults   map[string]*Fault // node path of a config file -> its fault
	configs  map[string]bool   // node paths of the containers' kolla config files
}

// detectContainers decides the node's layout and, for the container
// layouts, reads the kolla config files (bounded, through the snapshot's
// os.Root) before the walk classifies the node's files.
func (t *tree) detectContainers(w *walker) {
	if t.node == nil {
		return
	}
	layout, l := detectLayout(treeFiles{t: t, w: w}, t.node)
	t.lands = l
	if t.node.Layout == "" { // a reader of its own (a sos report) names the layout itself
		t.node.Layout = layout
	}
}

// detectLayout is the layout of the node whose files fs reads and, for
// the container layouts, its landings (nil for packages); it appends the
// node's containers to n.Containers. The folder walk and the archive
// reader both call it.
func detectLayout(fs nodeFiles, n *Node) (string, *landings) {
	d := detector{fs: fs, node: n}
	switch {
	case fs.isDir(tripleoDir):
		return LayoutTripleO, d.tripleoLandings()
	case fs.isDir(kollaDir):
		if l := d.kollaLandings(); l != nil {
			return LayoutKolla, l
		}
	}
	return LayoutPackage, nil
}

// detector reads the container layout of one node.
type detector struct {
	fs   nodeFiles
	node *Node
}

// newLandings is an empty landings.
func newLandings(tripleo bool) *landings {
	return &landings{byFolder: map[string][]landing{}, tripleo: tripleo, projects: map[string]bool{}, faults: map[string]*Fault{}, configs: map[string]bool{}}
}

// addContainer lists a container of the node; cfg is the node path of its
// kolla config file ("" when none).
func (d detector) addContainer(l *landings, c Container, cfg string) {
	if cfg != "" {
		c.Config = d.fs.shown(cfg)
		l.configs[cfg] = true
	}
	d.node.Containers = append(d.node.Containers, c)
}

// kollaLandings reads etc/kolla/<container>/config.json of every folder
// (sorted); nil when none holds one.
func (d detector) kollaLandings() *landings {
	l := newLandings(false)
	for _, name := range d.subfolders(kollaDir) {
		folder := kollaDir + "/" + name
		cfg, ok := d.readContainerConfig(folder+"/config.json", l)
		if !ok {
			continue
		}
		d.addContainer(l, Container{Name: name, Command: cfg.Command, Source: folder}, folder+"/config.json")
		if cfg.err != nil {
			continue
		}
		for i, e := range cfg.ConfigFiles {
			if i == maxConfigFiles {
				l.faults[folder+"/config.json"] = &Fault{Line: 1, Column: 1, Msg: fmt.Sprintf("more than %d config_files entries (stacklint reads no more), the rest not read", maxConfigFiles)}
				break
			}
			d.addLanding(l, folder, e, cfg.data)
		}
	}
	if len(d.node.Containers) == 0 {
		return nil
	}
	return l
}

// addLanding records one config_files entry of the container whose host
// folder is folder; a source outside kolla's config folder is not in the
// snapshot, and a required source the folder does not hold is the config
// file's fault (kolla's set_configs stops the container).
func (d detector) addLanding(l *landings, folder string, e configFile, data []byte) {
	src := path.Clean("/" + e.Source)
	rest, ok := strings.CutPrefix(src, kollaSource+"/")
	if !ok || e.Dest == "" {
		return
	}
	dest := path.Clean("/" + e.Dest)
	if strings.HasSuffix(e.Dest, "/") && dest != "/" {
		dest += "/"
	}
	if p, ok := strings.CutPrefix(dest, "/etc/"); ok {
		l.projects[strings.SplitN(p, "/", 2)[0]] = true
	}
	np := folder + "/" + rest
	l.byFolder[folder] = append(l.byFolder[folder], landing{src: np, dest: dest})
	cfgPath := folder + "/config.json"
	if !e.Optional && !d.holds(np) && l.faults[cfgPath] == nil {
		line, col := lineOf(data, e.Source)
		l.faults[cfgPath] = &Fault{Line: line, Column: col, Msg: "source " + quote(e.Source) + " is not in " + folder + "/ and is not optional"}
	}
}

// holds reports whether the node holds a file or folder at np, or, for a
// glob in np's last element, anything matching it.
func (d detector) holds(np string) bool {
	dir, base := path.Split(np)
	if !strings.ContainsAny(base, "*?[") {
		return d.fs.exists(np)
	}
	for _, name := range d.fs.entries(strings.TrimSuffix(dir, "/")) {
		if ok, _ := path.Match(base, name); ok {
			return true
		}
	}
	return false
}

// tripleoLandings: every file below puppet-generated/<service>/ lands at
// the same path below "/" in the service's containers (TripleO bind-mounts
// the folder at /var/lib/kolla/config_files/src and kolla copies it over
// "/"); var/lib/kolla/config_files/<container>.json names each container's
// command. A container is matched to its service folder by its name
// (tripleoFolder); without config files each service folder is a container.
func (d detector) tripleoLandings() *landings {
	l := newLandings(true)
	folders := d.subfolders(tripleoDir)
	for _, f := range folders {
		l.projects[strings.SplitN(f, "_", 2)[0]] = true
	}
	names := d.fs.entries(tripleoJSON)
	sort.Strings(names)
	for _, name := range names {
		c, ok := strings.CutSuffix(name, ".json")
		if !ok || strings.HasPrefix(name, ".") {
			continue
		}
		cfg, ok := d.readContainerConfig(tripleoJSON+"/"+name, l)
		folder := tripleoFolder(c, folders)
		if !ok || folder == "" {
			continue
		}
		d.addContainer(l, Container{Name: c, Command: cfg.Command, Source: tripleoDir + "/" + folder}, tripleoJSON+"/"+name)
	}
	if len(d.node.Containers) == 0 {
		for _, f := range folders {
			d.addContainer(l, Container{Name: f, Source: tripleoDir + "/" + f}, "")
		}
	}
	return l
}

// tripleoFolder is the puppet-generated folder of a TripleO container:
// the folder of its own name, else one of tripleoFolders, else its
// project's ("nova_conductor": nova); "" when the node has none.
func tripleoFolder(container string, folders []string) string {
	cands := []string{container, tripleoFolders[container], strings.SplitN(container, "_", 2)[0]}
	for _, c := range cands {
		if c != "" && contains(folders, c) {
			return c
		}
	}
	return ""
}

// tripleoFolders are the containers of tripleo-heat-templates whose
// puppet-generated folder is not their own name nor their project's
// (deployment/nova/nova-compute-container-puppet.yaml mounts nova_libvirt's).
var tripleoFolders = map[string]string{
	"nova_compute": "nova_libvirt", "nova_migration_target": "nova_libvirt", "nova_virtlogd": "nova_libvirt",
	"nova_metadata": "nova_metadata", "nova_vnc_proxy": "nova", "neutron_ovs_agent": "neutron",
	"ovn_metadata_agent": "neutron", "keystone_cron": "keystone", "glance_api_cron": "glance_api",
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}

// readContainerConfig reads and decodes one kolla config file (at most
// maxContainerConfig bytes); ok is false when there is none to read. A
// file that is not a kolla config is the file's fault.
func (d detector) readContainerConfig(np string, l *landings) (*containerConfig, bool) {
	data, found, err := d.fs.readConfig(np)
	if !found {
		return nil, false
	}
	if err != nil {
		msg := "cannot be read: " + errText(err)
		var tl *safefile.TooLargeError
		if errors.As(err, &tl) {
			msg = fmt.Sprintf("larger than %d bytes, not read: a kolla config file is a few KB", maxContainerConfig)
		}
		l.faults[np] = &Fault{Line: 1, Column: 1, Msg: msg}
		return &containerConfig{err: err}, true
	}
	cfg := parseContainerConfig(data)
	if cfg.fault != nil {
		l.faults[np] = cfg.fault
	}
	return cfg, true
}

// subfolders lists the folders (or links to folders) in the node's folder
// np, sorted.
func (d detector) subfolders(np string) []string {
	var out []string
	for _, name := range d.fs.entries(np) {
		if strings.HasPrefix(name, ".") {
			continue
		}
		if d.fs.isDir(np + "/" + name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// classify is the kind of the file at node path np and, for a file that
// lands in a container, its path there: a container's file is classified
// by where it lands; a host copy of a containerised project's
// configuration is not in effect and not read.
func (t *tree) classify(np string) (kind, dest string) {
	return t.lands.classify(np)
}

// classify is tree.classify for the node whose landings l are (nil: a
// package node, classified by path alone).
func (l *landings) classify(np string) (kind, dest string) {
	if l == nil {
		return Classify(np), ""
	}
	if _, ok := l.faults[np]; ok || l.configs[np] {
		return KindContainerConfig, ""
	}
	if dest = l.destOf(np); dest != "" {
		k := Classify(strings.TrimPrefix(dest, "/"))
		switch k {
		case KindHosts, KindHostname, KindNetif, "": // the host's own, not the container's
			return "", ""
		}
		return k, dest
	}
	kind = Classify(np)
	if l.hostCopy(np, kind) {
		return "", ""
	}
	return kind, ""
}

// destOf is where the file at np lands in its container, "" when nowhere.
func (l *landings) destOf(np string) string {
	if l.tripleo {
		rest, ok := strings.CutPrefix(np, tripleoDir+"/")
		if !ok {
			return ""
		}
		_, in, ok := strings.Cut(rest, "/")
		if !ok {
			return ""
		}
		return "/" + in
	}
	parts := strings.SplitN(np, "/", 4)
	if len(parts) < 4 {
		return ""
	}
	folder := strings.Join(parts[:3], "/")
	for _, e := range l.byFolder[folder] {
		if d := e.destOf(np); d != "" {
			return d
		}
	}
	return ""
}

// destOf is where np lands by this entry: np is its source (or matches its
// glob), or lies below a folder that is; "" otherwise. As kolla's
// set_configs copies, a dest ending in "/" receives the source by its name.
func (e landing) destOf(np string) string {
	for a := np; strings.Count(a, "/") >= strings.Count(e.src, "/"); a = path.Dir(a) {
		if ok, _ := path.Match(e.src, a); !ok && a != e.src {
			continue
		}
		d := e.dest
		if strings.HasSuffix(d, "/") {
			d += path.Base(a)
		}
		if a != np {
			d = path.Join(d, strings.TrimPrefix(np, a+"/"))
		}
		return path.Clean(d)
	}
	return ""
}

// hostCopy: a host file of a project that runs in containers (the
// containers bring their own copy).
func (l *landings) hostCopy(np, kind string) bool {
	if kind == "" || (!IsINI(kind) && kind != KindPolicy) {
		return false
	}
	p := strings.TrimPrefix(np, "etc/")
	p = strings.TrimPrefix(p, "usr/share/")
	return l.projects[strings.SplitN(p, "/", 2)[0]]
}

// linkRoot is the root a link at node path np resolves against, and np
// there: the node's, except in a TripleO service folder, whose files the
// container sees below "/" (puppet-generated/neutron/etc/neutron/plugin.ini
// -> /etc/neutron/plugins/ml2/ml2_conf.ini is the folder's own ML2 file).
// The folder is resolved inside the node first, so its chroot lies inside
// the node's.
func (t *tree) linkRoot(np string) (chroot, string) {
	if t.lands == nil || !t.lands.tripleo {
		return t.root, np
	}
	rest, ok := strings.CutPrefix(np, tripleoDir+"/")
	svc, in, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		return t.root, np
	}
	tg, err := t.root.resolve(tripleoDir + "/" + svc)
	if err != nil || tg.info == nil || !tg.info.IsDir() || t.root.etc {
		return t.root, np
	}
	return chroot{dir: tg.real}, in
}

// quote is a path in a message.
func quote(s string) string { return "\"" + filepath.ToSlash(s) + "\"" }
