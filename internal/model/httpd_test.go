package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// httpdDirectives is what the rules see of one httpd file:
// [name, block] of each directive.
func httpdDirectives(t *testing.T, doc map[string]any, node, key string) [][2]string {
	t.Helper()
	f, ok := doc["nodes"].(map[string]any)[node].(map[string]any)["files"].(map[string]any)[key].(map[string]any)
	if !ok {
		t.Fatalf("no file %s on %s", key, node)
	}
	var out [][2]string
	ds, _ := f["directives"].([]any)
	for _, d := range ds {
		m := d.(map[string]any)
		out = append(out, [2]string{m["name"].(string), m["block"].(string)})
	}
	return out
}

// TestHTTPDInclude: with the main file in the snapshot, httpd loads what
// its Includes reach: a file included inside a <VirtualHost> has its
// directives in that vhost; a conf.d file the main file does not include
// is not loaded; without the main file, a sites-available file is not
// loaded when sites-enabled has files.
func TestHTTPDInclude(t *testing.T) {
	doc := build(t, map[string]string{
		"ctl/etc/httpd/conf/httpd.conf": "ServerRoot \"/etc/httpd\"\nListen 80\n" +
			"<VirtualHost *:8778>\n  Include conf.d/placement-*.conf\n</VirtualHost>\n" +
			"<IfVersion < 2.4>\n  Include conf.d/old-*.conf\n</IfVersion>\n",
		"ctl/etc/httpd/conf.d/placement-grant.conf":        "<Directory /usr/bin>\n  Require all granted\n</Directory>\nWSGIScriptAlias / /usr/bin/placement-api\n",
		"ctl/etc/httpd/conf.d/stray.conf":                  "Listen 9999\n",
		"ctl/etc/httpd/conf.d/old-x.conf":                  "Listen 8888\n",
		"web/etc/apache2/sites-available/keystone.conf":    "Listen 5000\n",
		"web/etc/apache2/sites-enabled/placement-api.conf": "Listen 8778\n",
	})
	got := httpdDirectives(t, doc, "ctl", "etc/httpd/conf.d/placement-grant.conf")
	want := [][2]string{{"<Directory", "VirtualHost *:8778"}, {"Require", "Directory /usr/bin"}, {"WSGIScriptAlias", "VirtualHost *:8778"}}
	if !slices.Equal(got, want) {
		t.Errorf("included inside the vhost: %v, want %v", got, want)
	}
	if got := httpdDirectives(t, doc, "ctl", "etc/httpd/conf.d/stray.conf"); len(got) != 0 {
		t.Errorf("a file httpd.conf does not include is read: %v", got)
	}
	if got := httpdDirectives(t, doc, "ctl", "etc/httpd/conf.d/old-x.conf"); len(got) != 0 {
		t.Errorf("a file included only for httpd before 2.4 is read: %v", got)
	}
	if got := httpdDirectives(t, doc, "web", "etc/apache2/sites-available/keystone.conf"); len(got) != 0 {
		t.Errorf("a site not enabled is read: %v", got)
	}
	if got := httpdDirectives(t, doc, "web", "etc/apache2/sites-enabled/placement-api.conf"); len(got) != 1 {
		t.Errorf("an enabled site is not read: %v", got)
	}
}

// TestHTTPDDeepSectionsReported: what sections nested more than
// directive.MaxSectionDepth levels deep hold is a "too-deep" problem of
// the snapshot naming the file and the line of the first such section
// (SL-SNAP-004; it was left out silently), counting the sections around
// an Include; a file nothing includes reports nothing.
func TestHTTPDDeepSectionsReported(t *testing.T) {
	deep := strings.Repeat("<IfModule m>\n", 17) + "Listen 81\nListen 82\n" + strings.Repeat("</IfModule>\n", 17)
	doc := build(t, map[string]string{
		"ctl/etc/httpd/conf/httpd.conf": "ServerRoot /etc/httpd\n" + strings.Repeat("<IfModule m>\n", 16) +
			"Include conf.d/inner.conf\n" + strings.Repeat("</IfModule>\n", 16) + "Include conf.d/deep.conf\n",
		"ctl/etc/httpd/conf.d/deep.conf":  deep,
		"ctl/etc/httpd/conf.d/inner.conf": "Listen 80\n<IfModule n>\nListen 83\n</IfModule>\n",
		"ctl/etc/httpd/conf.d/stray.conf": deep,
	})
	var got []string
	for _, p := range doc["problems"].([]any) {
		m := p.(map[string]any)
		got = append(got, fmt.Sprintf("%s %s: %s", m["kind"], m["path"], m["message"]))
	}
	want := []string{
		"too-deep ctl/etc/httpd/conf.d/deep.conf: line 17: 2 directives in httpd sections nested more than 16 levels deep not checked (httpd applies them)",
		"too-deep ctl/etc/httpd/conf.d/inner.conf: line 3: 1 directive in httpd sections nested more than 16 levels deep not checked (httpd applies them)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
