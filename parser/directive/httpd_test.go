package directive

import (
	"reflect"
	"testing"
)

// TestHTTPDSections: as Apache reads them, conditional sections
// (<IfVersion>, <IfModule>) scope nothing: a Require inside them belongs
// to the <Directory> around them (seed 001's placement fix); the branch
// for httpd before 2.4 is off; quoted arguments are unquoted (puppet's
// <Directory "/var/www/cgi-bin/placement">); names match in any case; a
// backslash continues a line; a quote inside a word is a character.
func TestHTTPDSections(t *testing.T) {
	in := "<directory \"/usr/bin\">\n" +
		"  <IfVersion >= 2.4>\n" +
		"    require all granted\n" +
		"  </IfVersion>\n" +
		"  <IfVersion < 2.4>\n" +
		"    Order allow,deny\n" +
		"  </IfVersion>\n" +
		"</directory>\n" +
		"WSGIDaemonProcess placement-api processes=3 \\\n" +
		"   threads=1 user=placement display-name='%{GROUP} x' \"a \\\"b\\\"\"\n"
	got := Parse(Tags, []byte(in))
	dir := "Directory /usr/bin"
	want := []Directive{
		{Line: 1, Name: "<Directory", Args: []string{"/usr/bin"}},
		{Line: 2, Name: "<IfVersion", Args: []string{">=", "2.4"}, Block: dir, Blocks: []string{dir}},
		{Line: 3, Name: "Require", Args: []string{"all", "granted"}, Block: dir, Blocks: []string{dir, "IfVersion >= 2.4"}},
		{Line: 5, Name: "<IfVersion", Args: []string{"<", "2.4"}, Block: dir, Blocks: []string{dir}},
		{Line: 6, Name: "Order", Args: []string{"allow,deny"}, Block: dir, Blocks: []string{dir, "IfVersion < 2.4"}, Off: true},
		{Line: 9, Name: "WSGIDaemonProcess", Args: []string{"placement-api", "processes=3", "threads=1", "user=placement", "display-name='%{GROUP}", "x'", `a "b"`}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestIfVersion: mod_version's comparisons against httpd 2.4 (the patch
// level unknown: an inequality with it holds, an equality does not).
func TestIfVersion(t *testing.T) {
	for args, want := range map[string]bool{
		">= 2.4": true, "< 2.4": false, "2.4": true, "= 2.2": false, "!< 2.4": true, "! < 2.4": true,
		"> 2.2": true, "<= 2.2": false, ">= 2.4.10": true, "< 2.4.10": false, "= 2.4.10": false,
		"~ 2\\.4": true, "/^2.4/": true, "< 3": true, ">= 3.0": false,
	} {
		if got := versionHolds(confWords(args)); got != want {
			t.Errorf("<IfVersion %s>: %v, want %v", args, got, want)
		}
	}
}
