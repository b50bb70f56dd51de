package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// flatHTTPD is size bytes or a little more of httpd directives, all at one
// level.
func flatHTTPD(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "SetEnv VAR_%d value_%d\n", i, i)
	}
	return b.String()
}

// longTag is a <VirtualHost> tag of n addresses (14 bytes each).
func longTag(n int) string {
	addrs := make([]string, n)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("10.0.%d.%d:80", i/250, i%250)
	}
	return "<VirtualHost " + strings.Join(addrs, " ") + ">\n"
}

// httpdShapes are 1 MB httpd files: directives at top level, and inside a
// <VirtualHost> of 200 addresses (a 3 KB tag).
func httpdShapes() map[string]string {
	return map[string]string{
		"top":     flatHTTPD(1 << 20),
		"longTag": longTag(200) + flatHTTPD(1<<20) + "</VirtualHost>\n",
	}
}

// BenchmarkHTTPD1MB builds the model of one node with a 1 MB httpd file
// (go test -run '^$' -bench HTTPD1MB -benchmem ./internal/model/).
func BenchmarkHTTPD1MB(b *testing.B) {
	for name, text := range httpdShapes() {
		b.Run(name, func(b *testing.B) {
			root := b.TempDir()
			p := filepath.Join(root, "ctl", "etc", "httpd", "conf.d", "big.conf")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			s, err := snapshot.Discover(root)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				Build(s)
			}
		})
	}
}

// TestHTTPDSectionTextOnce: the directives of a section share its text, so
// the model renders a long tag once, not once per directive: 100 KB of
// directives inside a 3 KB <VirtualHost> tag allocate a small multiple of
// the input (each directive rendered the tag again: 1 MB of them
// allocated 2 GB, 22 s; with a 110 KB tag the run never ended).
func TestHTTPDSectionTextOnce(t *testing.T) {
	tag := longTag(200)
	text := tag + flatHTTPD(100<<10) + "</VirtualHost>\n"
	s := writeSnapshot(t, map[string]string{"ctl/etc/httpd/conf.d/big.conf": text})
	var d *Deployment
	n := fuzzcheck.Allocated(func() { d = Build(s) })
	ds := d.Plain()["nodes"].(map[string]any)["ctl"].(map[string]any)["files"].(map[string]any)["etc/httpd/conf.d/big.conf"].(map[string]any)["directives"].([]any)
	last := ds[len(ds)-1].(map[string]any)
	if want := strings.TrimSuffix(strings.TrimPrefix(tag, "<"), ">\n"); last["block"] != want || len(last["blocks"].([]any)) != 1 {
		t.Fatalf("last directive: %v", last)
	}
	if limit := uint64(100 * len(text)); n > limit {
		t.Errorf("building the model of %d bytes allocated %d bytes, more than %d", len(text), n, limit)
	}
}
