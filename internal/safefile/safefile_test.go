package safefile

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(p, 100); err != nil || len(b) != 100 {
		t.Errorf("at the limit: %d bytes, %v", len(b), err)
	}
	_, err := Read(p, 99)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 100 || tl.Limit != 99 {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "gone"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	if _, err := Read(p, 0); err == nil {
		t.Error("a zero limit is accepted")
	}
}

// TestReadOnlyRegular: links (unless followed), pipes, sockets, devices
// and directories are refused by name, and nothing blocks.
func TestReadOnlyRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("file", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = l.Close() }()
	want := map[string]string{"link": "symbolic link", "fifo": "named pipe (FIFO)", "sock": "socket", ".": "directory"}
	if err := syscall.Mknod(filepath.Join(dir, "null"), syscall.S_IFCHR|0o644, 1<<8|3); err == nil {
		want["null"] = "character device"
	}
	for name, typ := range want {
		_, err := Read(filepath.Join(dir, name), DefaultLimit)
		var nr *NotRegularError
		if !errors.As(err, &nr) || nr.Type != typ || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: %v, want a %s", name, err, typ)
		}
	}
	if b, err := Follow(filepath.Join(dir, "link"), DefaultLimit); err != nil || string(b) != "ok" {
		t.Errorf("Follow: %q %v", b, err)
	}
	if _, err := Follow(filepath.Join(dir, "fifo"), DefaultLimit); err == nil {
		t.Error("Follow read a pipe")
	}
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"b", "a"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a", filepath.Join(dir, "l")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "p"), 0o644); err != nil {
		t.Fatal(err)
	}
	entries, id, err := ReadDir(dir)
	if err != nil || len(entries) != 4 || entries[0].Name() != "a" || id == (ID{}) {
		t.Fatalf("ReadDir: %v %v %v", entries, id, err)
	}
	if again, _ := IDOf(dir); again != id {
		t.Errorf("IDOf = %v, ReadDir said %v", again, id)
	}
	for _, name := range []string{"l", "p"} {
		if _, _, err := ReadDir(filepath.Join(dir, name)); err == nil {
			t.Errorf("ReadDir(%s) succeeded", name)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"1048576": 1 << 20, "64MiB": 64 << 20, "64mib": 64 << 20, "512KiB": 512 << 10, "2G": 2 << 30,
		"10MB": 10e6, "1kb": 1000, "8 MiB": 8 << 20, "100B": 100,
	} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1MiB", "1.5MiB", "MiB", "12XB", "99999999999999999999", "9999999999GiB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
	for n, want := range map[int64]string{8 << 20: "8MiB", 1536 << 10: "1536KiB", 1000: "1000 bytes", 2 << 30: "2GiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
		if back, err := ParseSize(FormatSize(n)); err != nil || back != n {
			t.Errorf("ParseSize(FormatSize(%d)) = %d, %v", n, back, err)
		}
	}
}

// TestReadHoldsNoSlack: a file read is held in a slice of its size (plus
// the one byte that looks for more), through every way in: the 6,000
// files of a 1,000-node snapshot stay in memory until the model has
// parsed them, and bytes.Buffer's growth at the end of each file held
// each in twice its size and more.
func TestReadHoldsNoSlack(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 4096, 100_000} {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, []byte(strings.Repeat("x", size)), 0o644); err != nil {
			t.Fatal(err)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		in, err := ReadIn(root, "f", DefaultLimit)
		_ = root.Close()
		if err != nil {
			t.Fatal(err)
		}
		for how, b := range map[string][]byte{"ReadIn": in, "Read": must(t)(Read(p, DefaultLimit))} {
			if len(b) != size || cap(b) > size+1 {
				t.Errorf("%s of %d bytes: len %d, cap %d", how, size, len(b), cap(b))
			}
		}
	}
}

// TestReadAllGrows: a file that grew after fstat said its size is read
// whole (up to what the caller's reader allows), never cut at the size.
func TestReadAllGrows(t *testing.T) {
	text := strings.Repeat("0123456789", 1000)
	for _, size := range []int64{0, 1, 10, 9999} {
		b, err := readAll(strings.NewReader(text), size)
		if err != nil || string(b) != text {
			t.Errorf("size %d: %d bytes, %v", size, len(b), err)
		}
	}
}

func must(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}
