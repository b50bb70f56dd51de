package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTTPDDeepSectionsFinding: what httpd sections nested too deep for
// stacklint hold is reported (SL-SNAP-004, the file and the line of the
// first such section), not left out silently.
func TestHTTPDDeepSectionsFinding(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir)
	conf := filepath.Join(dir, "controller/etc/httpd/conf.d/deep.conf")
	if err := os.MkdirAll(filepath.Dir(conf), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, conf, strings.Repeat("<IfModule mod_wsgi.c>\n", 20)+"Listen 8080\n"+strings.Repeat("</IfModule>\n", 20))
	doc, _, _ := lintDemo(t, dir)
	f := find(doc, "SL-SNAP-004", "controller/etc/httpd/conf.d/deep.conf")
	if f == nil || !strings.Contains(f.Message, "line 17: 4 directives in httpd sections nested more than 16 levels deep") {
		t.Fatalf("no SL-SNAP-004 naming line 17 of deep.conf: %+v", f)
	}
}
