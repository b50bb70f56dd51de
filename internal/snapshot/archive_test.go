package snapshot

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ulikunitz/xz"
)

// entry is one member of a generated archive.
type entry struct {
	name string
	typ  byte
	body string
	link string
}

// tarOf writes the members as a tar stream.
func tarOf(t testing.TB, members []entry) []byte {
	t.Helper()
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, m := range members {
		h := &tar.Header{Name: m.name, Typeflag: m.typ, Linkname: m.link, Mode: 0o644, Format: tar.FormatPAX}
		if m.typ == 0 {
			h.Typeflag = tar.TypeReg
		}
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(m.body))
		}
		if h.Typeflag == tar.TypeDir {
			h.Mode = 0o755
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write([]byte(m.body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// compress compresses data as the archive name's suffix says.
func compress(t testing.TB, name string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	switch {
	case strings.HasSuffix(name, ".gz"), strings.HasSuffix(name, ".tgz"):
		z := gzip.NewWriter(&b)
		_, _ = z.Write(data)
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
	case strings.HasSuffix(name, ".xz"):
		z, err := xz.NewWriter(&b)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = z.Write(data)
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
	default:
		return data
	}
	return b.Bytes()
}

// writeArchive writes the members as an archive named name in dir.
func writeArchive(t testing.TB, dir, name string, members []entry) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, compress(t, name, tarOf(t, members)), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sosMembers is a small sos report of host in the archive's top folder top.
func sosMembers(top, host string) []entry {
	return []entry{
		{name: top + "/", typ: tar.TypeDir},
		{name: top + "/sos_commands/host/hostname", body: host + ".example.org\n"},
		{name: top + "/hostname", typ: tar.TypeSymlink, link: "sos_commands/host/hostname"},
		{name: top + "/etc/nova/nova.conf", body: "[DEFAULT]\nmy_ip = 10.0.0.31\n"},
		{name: top + "/etc/neutron/plugin.ini", typ: tar.TypeSymlink, link: "/etc/neutron/plugins/ml2/ml2_conf.ini"},
		{name: top + "/etc/neutron/plugins/ml2/ml2_conf.ini", body: "[ml2]\ntype_drivers = vxlan\n"},
		{name: top + "/etc/systemd/system/multi-user.target.wants/openstack-nova-compute.service", typ: tar.TypeSymlink, link: "/usr/lib/systemd/system/openstack-nova-compute.service"},
		{name: top + "/sos_commands/networking/ip_-d_address", body: "1: lo: <LOOPBACK,UP> mtu 65536\n"},
		{name: top + "/proc/cpuinfo", body: "flags\t: fpu svm\n"},
		{name: top + "/var/log/messages", body: strings.Repeat("log line\n", 1000)},
	}
}

// problemSummary is each problem's path and kind, and whether its message
// holds want.
func problemSummary(s *Snapshot) []string {
	var out []string
	for _, p := range s.Problems {
		out = append(out, p.Path+" "+p.Kind)
	}
	sort.Strings(out)
	return out
}

// TestArchiveReadInPlace: a sos archive (.tar.xz, .tar.gz, .tgz, .tar) as
// PATH and at the top of PATH gives the nodes and files the same report
// unpacked gives, its links resolved inside the report, nothing written to
// disk.
func TestArchiveReadInPlace(t *testing.T) {
	kinds := "etc/neutron/plugin.ini=plugin.ini,etc/neutron/plugins/ml2/ml2_conf.ini=ml2_conf.ini,etc/nova/nova.conf=nova.conf,proc/cpuinfo=cpuinfo,sos_commands/networking/ip_-d_address=sos-ip-address"
	for _, name := range []string{"r.tar.xz", "r.tar.gz", "r.tgz", "r.tar"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeArchive(t, dir, name, sosMembers("sosreport-c1-2024-01-01-aaaa", "compute1"))
			s := discover(t, p, Options{})
			want := []string{"compute1 sosreport-c1-2024-01-01-aaaa sos-report " + kinds}
			if got := nodeSummary(s); !reflect.DeepEqual(got, want) {
				t.Errorf("as PATH:\n%v\nwant\n%v", got, want)
			}
			if len(s.Problems) != 0 {
				t.Errorf("problems: %v", s.Problems)
			}
			n := s.Nodes[0]
			if len(n.Enabled) != 1 || n.Enabled[0].Unit != "openstack-nova-compute" {
				t.Errorf("enabled: %v", n.Enabled)
			}
			if got := string(n.Files[0].Data()); !strings.Contains(got, "type_drivers") {
				t.Errorf("plugin.ini reads %q", got)
			}
			top := discover(t, dir, Options{})
			want = []string{"compute1 " + name + "/sosreport-c1-2024-01-01-aaaa sos-report " + kinds}
			if got := nodeSummary(top); !reflect.DeepEqual(got, want) {
				t.Errorf("at the top of PATH:\n%v\nwant\n%v", got, want)
			}
			if p := top.Nodes[0].Files[2].Path; p != name+"/sosreport-c1-2024-01-01-aaaa/etc/nova/nova.conf" {
				t.Errorf("shown path %q", p)
			}
		})
	}
}

// TestArchiveHostile: member names that climb out or are absolute, links
// leading out of the report, hard links, devices, repeated names and
// members over the size limit are problems at the member, never read and
// never a failure of the run; the report's other files are read.
func TestArchiveHostile(t *testing.T) {
	top := "sosreport-h-1"
	members := append(sosMembers(top, "compute1"),
		entry{name: "../../etc/passwd", body: "root:x:0:0\n"},
		entry{name: "/etc/shadow", body: "root:!:1\n"},
		entry{name: top + "/../../escape/etc/nova/nova.conf", body: "[DEFAULT]\n"},
		entry{name: top + "/etc/keystone/keystone.conf", typ: tar.TypeSymlink, link: "../../../../../../etc/shadow"},
		entry{name: top + "/etc/glance/glance-api.conf", typ: tar.TypeSymlink, link: "/etc/glance/missing.conf"},
		entry{name: top + "/etc/placement/placement.conf", typ: tar.TypeLink, link: top + "/etc/nova/nova.conf"},
		entry{name: top + "/etc/neutron/neutron.conf", typ: tar.TypeLink, link: "/etc/passwd"},
		entry{name: top + "/etc/neutron/l3_agent.ini", typ: tar.TypeChar},
		entry{name: top + "/etc/neutron/dhcp_agent.ini", typ: tar.TypeFifo},
		entry{name: top + "/etc/neutron/metadata_agent.ini", body: "[DEFAULT]\n"},
		entry{name: top + "/etc/neutron/metadata_agent.ini", body: "[DEFAULT]\nnova_metadata_host = evil\n"},
		entry{name: top + "/etc/hosts", body: strings.Repeat("10.0.0.1 a\n", 200)},
		entry{name: top + "/etc/loop/a", typ: tar.TypeSymlink, link: "b"},
		entry{name: top + "/etc/nova/nova-compute.conf", typ: tar.TypeSymlink, link: "nova-compute.conf"},
	)
	dir := t.TempDir()
	p := writeArchive(t, dir, "h.tar.gz", members)
	s := discover(t, p, Options{MaxFileSize: 1000})
	want := []string{
		"h.tar.gz unreadable", // the three names outside the archive, at the archive (PATH: named by itself)
		"sosreport-h-1/etc/glance/glance-api.conf link",
		"sosreport-h-1/etc/hosts too-large",
		"sosreport-h-1/etc/keystone/keystone.conf link",
		"sosreport-h-1/etc/neutron/dhcp_agent.ini not-regular",
		"sosreport-h-1/etc/neutron/l3_agent.ini not-regular",
		"sosreport-h-1/etc/neutron/metadata_agent.ini unreadable",
		"sosreport-h-1/etc/neutron/neutron.conf link",
		"sosreport-h-1/etc/nova/nova-compute.conf loop",
	}
	got := problemSummary(s)
	if !reflect.DeepEqual(dedupe(got), want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(s.Nodes) != 1 {
		t.Fatalf("nodes: %v", nodeSummary(s))
	}
	paths := map[string]string{}
	for _, f := range s.Nodes[0].Files {
		paths[f.NodePath] = string(f.Data())
	}
	if paths["etc/placement/placement.conf"] != paths["etc/nova/nova.conf"] || paths["etc/nova/nova.conf"] == "" {
		t.Errorf("hard link to an earlier member: %q", paths["etc/placement/placement.conf"])
	}
	for _, bad := range []string{"etc/keystone/keystone.conf", "etc/neutron/metadata_agent.ini", "etc/neutron/neutron.conf", "etc/hosts"} {
		if _, ok := paths[bad]; ok {
			t.Errorf("%s was read", bad)
		}
	}
	for _, pr := range s.Problems {
		if strings.Contains(pr.Msg, "root:") {
			t.Errorf("a problem quotes a member's content: %s", pr.Msg)
		}
	}
}

func dedupe(s []string) []string {
	out := s[:0:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// TestArchiveBounds: a decompression bomb (a small stream inflating past
// the bound), too many members, a truncated or corrupt stream each end in
// one problem naming the archive, with none of its members read.
func TestArchiveBounds(t *testing.T) {
	dir := t.TempDir()
	bomb := append(sosMembers("s", "c1"), entry{name: "s/var/log/huge", body: strings.Repeat("\x00", 4<<20)})
	many := sosMembers("s", "c1")
	for i := range 300 {
		many = append(many, entry{name: "s/sos_commands/x/f" + strconv.Itoa(i), body: "x"})
	}
	good := compress(t, "x.tar.xz", tarOf(t, sosMembers("s", "c1")))
	cases := []struct {
		name, file string
		data       []byte
		o          Options
		kind, msg  string
	}{
		{"bomb xz", "b.tar.xz", compress(t, "b.tar.xz", tarOf(t, bomb)), Options{ArchiveBytes: 1 << 20}, ProblemTooLarge, "decompresses to more than 1MiB"},
		{"bomb gz", "b.tar.gz", compress(t, "b.tar.gz", tarOf(t, bomb)), Options{ArchiveBytes: 1 << 20}, ProblemTooLarge, "decompresses to more than 1MiB"},
		{"many members", "m.tar", tarOf(t, many), Options{ArchiveMembers: 100}, ProblemTooLarge, "more than 100 members"},
		{"truncated", "t.tar.xz", good[:len(good)/2], Options{}, ProblemUnreadable, "archive not read"},
		{"corrupt gzip", "c.tar.gz", []byte("not gzip at all"), Options{}, ProblemUnreadable, "gzip"},
		{"corrupt xz", "c.tar.xz", []byte("\xfd7zXZ\x00garbage"), Options{}, ProblemUnreadable, "xz"},
		{"not a tar", "n.tar", bytes.Repeat([]byte("x"), 2048), Options{}, ProblemUnreadable, "tar"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.file)
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			s := discover(t, p, c.o)
			if len(s.Nodes) != 0 || len(s.Problems) != 1 {
				t.Fatalf("nodes %v, problems %v", nodeSummary(s), s.Problems)
			}
			pr := s.Problems[0]
			if pr.Path != c.file || pr.Kind != c.kind || !strings.Contains(pr.Msg, c.msg) { // PATH is the archive: named by itself
				t.Errorf("problem %+v, want kind %s with %q", pr, c.kind, c.msg)
			}
		})
	}
}

// TestArchiveNotRegular: an archive name at the top of PATH that is a link
// or a named pipe is not opened (a link could lead anywhere).
func TestArchiveNotRegular(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	p := writeArchive(t, outside, "o.tar.gz", sosMembers("s", "c1"))
	links(t, dir, map[string]string{"link.tar.gz": p})
	s := discover(t, dir, Options{})
	if len(s.Nodes) != 0 {
		t.Errorf("an archive outside PATH was read through a link: %v", nodeSummary(s))
	}
}

// TestArchiveXZDictionary: an xz archive whose header asks for a huge
// LZMA2 dictionary (which the decoder would allocate whole, up to 4 GiB,
// before decoding a byte) is one problem, and not decoded; the common
// dictionaries are read.
func TestArchiveXZDictionary(t *testing.T) {
	data := compress(t, "x.tar.xz", tarOf(t, sosMembers("s", "c1")))
	if d := xzDict(bufio.NewReader(bytes.NewReader(data))); d != 8<<20 {
		t.Fatalf("dictionary of the writer's default stream: %d", d)
	}
	bomb := append([]byte(nil), data...)
	size := (int(bomb[12]) + 1) * 4
	hdr := bomb[12 : 12+size]
	i := bytes.Index(hdr, []byte{0x21, 0x01})
	if i < 0 {
		t.Fatal("no LZMA2 filter in the block header")
	}
	hdr[i+2] = 40 // 4 GiB - 1
	binary.LittleEndian.PutUint32(hdr[size-4:], crc32.ChecksumIEEE(hdr[:size-4]))
	dir := t.TempDir()
	p := filepath.Join(dir, "d.tar.xz")
	if err := os.WriteFile(p, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	s := discover(t, p, Options{})
	if len(s.Nodes) != 0 || len(s.Problems) != 1 || s.Problems[0].Kind != ProblemTooLarge || !strings.Contains(s.Problems[0].Msg, "xz dictionary of 4095 MiB") {
		t.Errorf("nodes %v, problems %v", nodeSummary(s), s.Problems)
	}
}
