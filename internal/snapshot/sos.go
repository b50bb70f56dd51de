package snapshot

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Kinds of the sos report command outputs and proc files stacklint keeps
// for the model (the interfaces part parses them); node paths are
// relative to the report's top folder.
const (
	KindSosIPAddress = "sos-ip-address" // sos_commands/networking/ip_-d_address
	KindSosOVSShow   = "sos-ovs-show"   // sos_commands/openvswitch/ovs-vsctl_-t_5_show
	KindCpuinfo      = "cpuinfo"        // proc/cpuinfo
)

// sosKinds maps the node paths of the sos command outputs read to their
// kinds (sosreport/sos: plugins networking, openvswitch, processor).
var sosKinds = map[string]string{
	"sos_commands/networking/ip_-d_address":        KindSosIPAddress,
	"sos_commands/openvswitch/ovs-vsctl_-t_5_show": KindSosOVSShow,
	"proc/cpuinfo": KindCpuinfo,
}

// sosMarker is the folder that makes a folder a sos report.
const sosMarker = "sos_commands"

// sosHostnameFiles are where a sos report holds its host's name, in the
// order they are trusted: the report's top-level hostname file (usually a
// link to the command's output), the hostname command's output of sos 3
// and 4 (plugins host, general), then the copied etc/hostname.
var sosHostnameFiles = []string{"hostname", "sos_commands/host/hostname", "sos_commands/general/hostname", "etc/hostname"}

// isSos reports whether the node folder c is a sos report.
func (c chroot) isSos() bool {
	return !c.etc && c.isDir(sosMarker)
}

// sosName is the short host name a sos report names itself by (the first
// of sosHostnameFiles holding a valid host name, up to its first dot), or
// "" when none does. Each file is resolved inside the report, read through
// the snapshot's os.Root and bounded like any file.
func (w *walker) sosName(c chroot) string {
	return sosNameBy(func(p string) ([]byte, bool) {
		t, err := c.resolve(p)
		if err != nil || t.info == nil || !t.info.Mode().IsRegular() {
			return nil, false
		}
		b, err := w.read(t.real)
		return b, err == nil
	})
}

// sosNameBy is sosName over a reader of the report's files by node path.
func sosNameBy(read func(nodePath string) ([]byte, bool)) string {
	for _, p := range sosHostnameFiles {
		b, ok := read(p)
		if !ok {
			continue
		}
		if h := firstLine(b); h != "" && validHostname(h) {
			short, _, _ := strings.Cut(h, ".")
			return short
		}
	}
	return ""
}

// sosNode is the node of a sos report at folder dir (relative to Root; ""
// for PATH itself), named by its own host name, else fallback.
func (w *walker) sosNode(c chroot, dir, fallback string) *Node {
	name := w.sosName(c)
	if name == "" {
		name = fallback
		w.s.Notes = append(w.s.Notes, fmt.Sprintf("%s: the report names no valid host name (%s), so its node is named by its folder", join(filepath.Base(w.s.Root), dir), strings.Join(sosHostnameFiles, ", ")))
	}
	return &Node{Name: name, Dir: dir, Layout: LayoutSos}
}

// distinctNames gives nodes that share a name (two sos reports of one
// host) distinct ones: the first by folder keeps it, the next are
// "<name>~2", "<name>~3", ... (skipping names in use). Each renaming is a
// note of the snapshot.
func (s *Snapshot) distinctNames() {
	sorted := append([]*Node(nil), s.Nodes...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Dir < sorted[j].Dir })
	used := map[string]bool{}
	for _, n := range sorted {
		used[n.Name] = true
	}
	seen := map[string]bool{}
	for _, n := range sorted {
		if !seen[n.Name] {
			seen[n.Name] = true
			continue
		}
		orig, name := n.Name, n.Name
		for i := 2; used[name]; i++ {
			name = fmt.Sprintf("%s~%d", orig, i)
		}
		used[name], seen[name] = true, true
		n.Name = name
		for _, f := range n.Files {
			f.Node = name
		}
		s.Notes = append(s.Notes, fmt.Sprintf("%s and another folder are reports of the same host %q: this one is named %s (findings between the two, such as one my_ip on two nodes, compare the host with itself)", n.Dir, orig, name))
	}
}

// sosKeeps are the top folders of a sos report the walk enters: the
// copied trees stacklint reads (etc, usr, lib, root, home), the command
// outputs and proc, and of var only TripleO's container configuration
// (sosSkips); a report's var/log, sys, sos_logs, sos_reports, ...
// (tens of thousands of files) are not walked.
var sosKeeps = map[string]bool{"etc": true, "usr": true, "lib": true, "root": true, "home": true, sosMarker: true, "proc": true}

// sosSkips reports whether the walk of a sos report's node leaves the
// folder at rel alone: a top folder not in sosKeeps, a folder of var/ off
// TripleO's folders (onContainerPath), or a folder of sos_commands/ below
// which no command output is read.
func (t *tree) sosSkips(rel string) bool {
	if t.node == nil || t.node.Layout != LayoutSos {
		return false
	}
	np := t.nodePath(rel)
	if onContainerPath(np) {
		return false
	}
	top, _, nested := strings.Cut(np, "/")
	if !nested {
		return !sosKeeps[top]
	}
	return top == "var" || (top == sosMarker && !ReadsBelow(np) && sosKinds[np] == "")
}

// onContainerPath reports whether the node folder np leads to or lies in
// a TripleO folder container detection reads (sos's openstack plugins
// collect var/lib/config-data/puppet-generated/<service>/ and
// var/lib/kolla/config_files/): the walk of a sos report enters var/ only
// there.
func onContainerPath(np string) bool {
	for _, d := range []string{tripleoDir, tripleoJSON} {
		if np == d || strings.HasPrefix(d, np+"/") || strings.HasPrefix(np, d+"/") {
			return true
		}
	}
	return false
}

// readsSosBelow reports whether a sos command output stacklint reads lies
// below nodePath.
func readsSosBelow(nodePath string) bool {
	for p := range sosKinds {
		if strings.HasPrefix(p, nodePath+"/") {
			return true
		}
	}
	return false
}
