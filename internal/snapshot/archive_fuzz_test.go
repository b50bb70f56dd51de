package snapshot

import (
	"bytes"
	"path"
	"reflect"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// archiveOf reads data as the archive name says (.tar, .tar.gz, .tar.xz)
// into a snapshot, as Discover reads an archive named as PATH.
func archiveOf(name string, data []byte, o Options) *Snapshot {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = 4096
	}
	a := &archive{abs: "/x/" + name, members: map[string]*member{}, repeated: map[string]bool{}, limit: o.MaxFileSize}
	a.read(bytes.NewReader(data), name, o)
	s := &Snapshot{Root: "/x/" + name}
	s.addNodesOf(a, a.abs, "", newContents())
	s.distinctNames()
	s.sort()
	return s
}

// FuzzArchive: an archive read in place never panics and is read the same
// twice; every file read lies in its node's folder at a local path (no
// "..", not absolute), within the size limit, of a kind stacklint reads
// (for a container's file, of where it lands, a clean absolute path);
// the problems are bounded; the bytes read never exceed the bound.
func FuzzArchive(f *testing.F) {
	f.Add(byte(0), tarOf(f, sosMembers("sosreport-c1-2024", "compute1")))
	f.Add(byte(1), compress(f, "x.tar.gz", tarOf(f, sosMembers("sosreport-c1-2024", "compute1"))))
	f.Add(byte(2), compress(f, "x.tar.xz", tarOf(f, sosMembers("sosreport-c1-2024", "compute1"))))
	f.Add(byte(0), tarOf(f, append(sosMembers("s", "c1"), entry{name: "../../x", body: "x"}, entry{name: "s/etc/hosts", typ: '2', link: "../../../../etc/passwd"}, entry{name: "s/etc/nova/nova.conf", typ: '1', link: "s/etc/nova/nova.conf"})))
	f.Add(byte(0), tarOf(f, []entry{{name: "etc/nova/nova.conf", body: "[DEFAULT]\n"}, {name: "sos_commands/", typ: '5'}}))
	f.Add(byte(0), tarOf(f, []entry{{name: "s/sos_commands/", typ: '5'}, {name: "s/etc/kolla/nova-api/config.json", body: kollaConfig("nova-api", "nova.conf", "/etc/nova/nova.conf", "x/", "/etc/nova/")}, {name: "s/etc/kolla/nova-api/nova.conf", body: "[DEFAULT]\n"}, {name: "s/etc/kolla/nova-api/x/nova.conf.d/a.conf", body: "[DEFAULT]\n"}}))
	f.Add(byte(0), tarOf(f, []entry{{name: "s/sos_commands/", typ: '5'}, {name: "s/var/lib/kolla/config_files/nova_api.json", body: `{"command": "nova-api"}`}, {name: "s/var/lib/config-data/puppet-generated/nova/etc/nova/nova.conf", body: "[DEFAULT]\n"}, {name: "s/var/lib/config-data/puppet-generated/nova/etc/nova/policy.yaml", typ: '2', link: "/etc/nova/nova.conf"}}))
	f.Fuzz(func(t *testing.T, comp byte, data []byte) {
		name := []string{"f.tar", "f.tar.gz", "f.tar.xz"}[int(comp)%3] // data is the compressed stream
		o := Options{MaxFileSize: 4096, ArchiveBytes: 1 << 20, ArchiveMembers: 1000}
		s := archiveOf(name, data, o)
		fuzzcheck.Deterministic(t, s, archiveOf(name, data, o), nil, nil)
		for _, n := range s.Nodes {
			for _, file := range n.Files {
				if !strings.HasPrefix(file.Path+"/", n.Dir) && n.Dir != "" {
					t.Errorf("%s outside its node %s", file.Path, n.Dir)
				}
				if path.IsAbs(file.NodePath) || strings.Contains("/"+file.NodePath+"/", "/../") {
					t.Errorf("node path %q", file.NodePath)
				}
				if int64(len(file.Data())) > o.MaxFileSize {
					t.Errorf("%s: %d bytes over the limit", file.Path, len(file.Data()))
				}
				if file.Kind == "" || (file.Kind != KindRC && fuzzKind(file) != file.Kind) {
					t.Errorf("%s read as %q", file.NodePath, file.Kind)
				}
			}
		}
		if len(s.Problems) > maxArchiveProblems+1 {
			t.Errorf("%d problems", len(s.Problems))
		}
	})
}

// fuzzKind is the kind a file read from an archive must have: its
// container's config file, the kind of where it lands in its container,
// or the kind of its path.
func fuzzKind(f *File) string {
	switch {
	case f.Kind == KindContainerConfig && (strings.HasPrefix(f.NodePath, kollaDir+"/") || strings.HasPrefix(f.NodePath, tripleoJSON+"/")):
		return KindContainerConfig
	case f.Dest != "" && path.IsAbs(f.Dest) && path.Clean(f.Dest) == f.Dest:
		return Classify(strings.TrimPrefix(f.Dest, "/"))
	}
	return Classify(f.NodePath)
}

func TestArchiveOfMatchesDiscover(t *testing.T) {
	dir := t.TempDir()
	members := sosMembers("sosreport-c1-2024", "compute1")
	p := writeArchive(t, dir, "r.tar", members)
	a, b := discover(t, p, Options{MaxFileSize: 4096}), archiveOf("r.tar", tarOf(t, members), Options{})
	if !reflect.DeepEqual(nodeSummary(a), nodeSummary(b)) {
		t.Errorf("%v != %v", nodeSummary(a), nodeSummary(b))
	}
}
