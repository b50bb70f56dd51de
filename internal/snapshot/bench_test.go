package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stacklint/stacklint/internal/bench"
)

// nest creates depth nested folders "d" below dir with openat/mkdirat, so
// paths longer than PATH_MAX are no obstacle, and returns nothing: the
// tree is removed with the test's temporary folder.
func nest(b *testing.B, dir string, depth int) {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
	if err != nil {
		b.Fatal(err)
	}
	for range depth {
		if err := syscall.Mkdirat(fd, "d", 0o755); err != nil {
			b.Fatal(err)
		}
		next, err := syscall.Openat(fd, "d", syscall.O_RDONLY|syscall.O_DIRECTORY, 0)
		if err != nil {
			b.Fatal(err)
		}
		_ = syscall.Close(fd)
		fd = next
	}
	_ = syscall.Close(fd)
}

// BenchmarkDiscoverDeep: 10,000 nested folders in a node. Discovery stops
// MaxDepth levels down with one problem; before issue 14 it resolved every
// level's links again (quadratic) and did not finish.
func BenchmarkDiscoverDeep(b *testing.B) {
	root := b.TempDir()
	for _, f := range []string{"n/etc/nova/nova.conf", "n/etc/keystone/keystone.conf"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("[DEFAULT]\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	nest(b, filepath.Join(root, "n"), 10000)
	b.ResetTimer()
	for b.Loop() {
		s, err := Discover(root)
		if err != nil || len(s.Problems) != 1 || len(s.Nodes[0].Files) != 2 {
			b.Fatalf("%v %+v", err, s.Problems)
		}
	}
}

// BenchmarkDiscoverWide: 100 nodes of 100 folders with 10 files each
// (100,000 files, 1% of them read), and a Debian-like folder of 1,000
// links into /usr per node.
func BenchmarkDiscoverWide(b *testing.B) {
	root := b.TempDir()
	for n := range 100 {
		node := filepath.Join(root, fmt.Sprintf("n%03d", n))
		for d := range 100 {
			dir := filepath.Join(node, "etc", fmt.Sprintf("d%03d", d))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				b.Fatal(err)
			}
			for f := range 10 {
				name := fmt.Sprintf("f%d.txt", f)
				if d == 0 && f == 0 {
					name = "../hosts"
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte("127.0.0.1 localhost\n"), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		alt := filepath.Join(node, "etc", "alternatives")
		if err := os.MkdirAll(alt, 0o755); err != nil {
			b.Fatal(err)
		}
		for l := range 1000 {
			if err := os.Symlink(fmt.Sprintf("/usr/bin/tool%d", l), filepath.Join(alt, fmt.Sprintf("tool%d", l))); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		s, err := Discover(root)
		if err != nil || len(s.Nodes) != 100 || len(s.Problems) != 0 || len(s.Ignored) != 100*100*10-100 {
			b.Fatalf("%v: %d nodes, %d problems, %d ignored", err, len(s.Nodes), len(s.Problems), len(s.Ignored))
		}
	}
}

// BenchmarkDiscover1000 discovers the generated 1,000-node snapshot (one
// controller, 999 computes, the fleet-wide /etc/hosts on every node: 1,000
// nodes, 6,013 files), the input side of issue 18's yardstick.
func BenchmarkDiscover1000(b *testing.B) {
	root := filepath.Join(b.TempDir(), "snap")
	if err := bench.Generate(filepath.Join("..", "..", "testdata", "deployments", "modern-linuxbridge"), root, 1000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start, n := bench.CPUTime(), 0
	for b.Loop() {
		s, err := Discover(root)
		if err != nil || len(s.Nodes) != 1000 || len(s.Problems) != 0 {
			b.Fatalf("%v: %d nodes, %d problems", err, len(s.Nodes), len(s.Problems))
		}
		n++
	}
	bench.ReportCPU(b, start, n)
}

// BenchmarkArchiveSos reads a sos report archive of 20,000 members (the
// report's etc/ and a large sos_commands/ and var/log/ stacklint skips) in
// place, as .tar.gz and .tar.xz.
func BenchmarkArchiveSos(b *testing.B) {
	members := sosMembers("sosreport-c1-2024", "compute1")
	for i := range 20_000 {
		members = append(members, entry{name: "sosreport-c1-2024/sos_commands/x/" + strconv.Itoa(i), body: strings.Repeat("output line\n", 20)})
	}
	raw := tarOf(b, members)
	for _, name := range []string{"r.tar.gz", "r.tar.xz"} {
		p := filepath.Join(b.TempDir(), name)
		if err := os.WriteFile(p, compress(b, name, raw), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := DiscoverWith(p, Options{})
				if err != nil || len(s.Nodes) != 1 {
					b.Fatal(err, s.Nodes)
				}
			}
		})
	}
}

// BenchmarkArchiveBomb reads a gzip stream of zeros that inflates past the
// bound (64 MiB here, 2 GiB by default): the time and memory of reaching
// the bound, which grow with the bound, not with the stream.
func BenchmarkArchiveBomb(b *testing.B) {
	members := append(sosMembers("s", "c1"), entry{name: "s/var/log/huge", body: strings.Repeat("\x00", 96<<20)})
	p := filepath.Join(b.TempDir(), "bomb.tar.gz")
	if err := os.WriteFile(p, compress(b, "bomb.tar.gz", tarOf(b, members)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := DiscoverWith(p, Options{ArchiveBytes: 64 << 20})
		if err != nil || len(s.Problems) != 1 || s.Problems[0].Kind != ProblemTooLarge {
			b.Fatal(err, s.Problems)
		}
	}
}

// BenchmarkArchiveKolla reads a sos report archive of a kolla-ansible node
// at the bounds of its kolla config files: 50 containers, each config.json
// with the most entries read (256, globs naming a required source) and 200
// files its globs land; every file is matched against its container's
// entries, as in a folder.
func BenchmarkArchiveKolla(b *testing.B) {
	members := sosMembers("sosreport-c1-2024", "compute1")
	for c := range 50 {
		dir := "sosreport-c1-2024/etc/kolla/nova-" + strconv.Itoa(c) + "/"
		var pairs []string
		for i := range maxConfigFiles {
			pairs = append(pairs, "f"+strconv.Itoa(i)+"*.conf", "/etc/nova/nova.conf.d/")
		}
		members = append(members, entry{name: dir + "config.json", body: kollaConfig("nova-api", pairs...)})
		for i := range 200 {
			members = append(members, entry{name: dir + "f" + strconv.Itoa(i) + ".conf", body: "[DEFAULT]\n"})
		}
	}
	p := filepath.Join(b.TempDir(), "r.tar.gz")
	if err := os.WriteFile(p, compress(b, "r.tar.gz", tarOf(b, members)), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s, err := DiscoverWith(p, Options{})
		if err != nil || len(s.Nodes) != 1 || len(s.Nodes[0].Containers) != 50 || len(s.Nodes[0].Files) < 50*200 {
			b.Fatal(err, len(s.Nodes))
		}
	}
}
