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

// TestHTTPDContinuedAsApache: a line continues when its last character
// before the newline (and a carriage return) is a backslash, as
// ap_cfg_getline_core reads it: that backslash is dropped and the next
// line appended as written (no space put in, none taken out); a backslash
// before it stays (a line ending in "\\" continues too, keeping one); a
// backslash followed by a space, or on a last line without a newline,
// continues nothing. The directive is placed on its first line.
func TestHTTPDContinuedAsApache(t *testing.T) {
	for in, want := range map[string][]Directive{
		"SetEnv A b\\\nc\n":                       {{Line: 1, Name: "SetEnv", Args: []string{"A", "bc"}}},
		"SetEnv A b \\\n   c\n":                   {{Line: 1, Name: "SetEnv", Args: []string{"A", "b", "c"}}},
		"SetEnv A b\\\r\nc\r\n":                   {{Line: 1, Name: "SetEnv", Args: []string{"A", "bc"}}},
		"SetEnv A b\\\\\nc\n":                     {{Line: 1, Name: "SetEnv", Args: []string{"A", `b\c`}}},
		"SetEnv A b\\ \nc\n":                      {{Line: 1, Name: "SetEnv", Args: []string{"A", `b\`}}, {Line: 2, Name: "c", Args: []string{}}},
		"SetEnv A b\\":                            {{Line: 1, Name: "SetEnv", Args: []string{"A", `b\`}}},
		"SetEnv A b \\\n":                         {{Line: 1, Name: "SetEnv", Args: []string{"A", "b"}}},
		"SetEnv A \"x \\\n  y\"\n":                {{Line: 1, Name: "SetEnv", Args: []string{"A", "x   y"}}},
		"# a comment \\\nSetEnv A b\nListen 80\n": {{Line: 3, Name: "Listen", Args: []string{"80"}}},
		"\\\n\\\nListen 80\n":                     {{Line: 1, Name: "Listen", Args: []string{"80"}}},
	} {
		if got := Parse(Tags, []byte(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\ngot  %+v\nwant %+v", in, got, want)
		}
	}
}

// TestHTTPDWordsAsApache: ap_getword_conf and substring_conf: in a quoted
// word a backslash keeps a following backslash or quote, elsewhere a
// following backslash; any other backslash is a character.
func TestHTTPDWordsAsApache(t *testing.T) {
	for in, want := range map[string][]string{
		`"a\\b" c\\d e\f`:   {`a\b`, `c\d`, `e\f`},
		`"a\"b" 'c\'d' "e'`: {`a"b`, `c'd`, `e'`},
		`"a\\" b`:           {`a\`, "b"},
		`x"y z" w`:          {`x"y`, `z"`, "w"},
		"\"ab\"cd\v\fe":     {"ab", "cd", "e"},
	} {
		if got := confWords(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", in, got, want)
		}
	}
}
