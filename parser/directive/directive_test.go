package directive

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestXML(t *testing.T) {
	in := `<?xml version="1.0" encoding="utf-8"?>
<zone target="default">
  <short>Public</short>
  <service name="ssh"/>
  <port protocol="tcp" port="5672"/>
  <rule family="ipv4">
    <source address="10.0.0.0/24"/>
    <port protocol="tcp" port="3306"/>
    <accept/>
  </rule>
</zone>
<broken`
	want := []Directive{
		{Line: 2, Name: "zone", Args: []string{"target=default"}},
		{Line: 3, Name: "short", Args: []string{}, Block: "zone"},
		{Line: 4, Name: "service", Args: []string{"name=ssh"}, Block: "zone"},
		{Line: 5, Name: "port", Args: []string{"port=5672", "protocol=tcp"}, Block: "zone"},
		{Line: 6, Name: "rule", Args: []string{"family=ipv4"}, Block: "zone"},
		{Line: 7, Name: "source", Args: []string{"address=10.0.0.0/24"}, Block: "rule"},
		{Line: 8, Name: "port", Args: []string{"port=3306", "protocol=tcp"}, Block: "rule"},
		{Line: 9, Name: "accept", Args: []string{}, Block: "rule"},
	}
	if got := Parse(XML, []byte(in)); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestStyles(t *testing.T) {
	cases := []struct {
		name  string
		style Style
		in    string
		want  []Directive
	}{
		{"sysctl", Assign, "# c\nnet.ipv4.ip_forward = 1\n; x\nkernel.panic=10\n", []Directive{
			{Line: 2, Name: "net.ipv4.ip_forward", Args: []string{"1"}},
			{Line: 4, Name: "kernel.panic", Args: []string{"10"}},
		}},
		{"my.cnf", INI, "[mysqld]\nbind-address = 10.0.0.11\nskip-name-resolve\n!includedir /etc/my.cnf.d\n", []Directive{
			{Line: 2, Name: "bind-address", Args: []string{"10.0.0.11"}, Block: "mysqld"},
			{Line: 3, Name: "skip-name-resolve", Block: "mysqld"},
			{Line: 4, Name: "!includedir /etc/my.cnf.d", Block: "mysqld"},
		}},
		{"chrony", Words, "server controller iburst\nallow 10.0.0.0/24\n", []Directive{
			{Line: 1, Name: "server", Args: []string{"controller", "iburst"}},
			{Line: 2, Name: "allow", Args: []string{"10.0.0.0/24"}},
		}},
		{"haproxy", Indented, "listen keystone\n  bind 10.0.0.10:5000\n  server c1 10.0.0.11:5000 check\n", []Directive{
			{Line: 1, Name: "listen", Args: []string{"keystone"}},
			{Line: 2, Name: "bind", Args: []string{"10.0.0.10:5000"}, Block: "listen keystone"},
			{Line: 3, Name: "server", Args: []string{"c1", "10.0.0.11:5000", "check"}, Block: "listen keystone"},
		}},
		{"httpd", Tags, "Listen 5000\n<VirtualHost *:5000>\n  <Directory /usr/bin>\n    Require all granted\n  </Directory>\n  WSGIScriptAlias / /usr/bin/keystone-wsgi-public\n</VirtualHost>\n", []Directive{
			{Line: 1, Name: "Listen", Args: []string{"5000"}},
			{Line: 2, Name: "<VirtualHost", Args: []string{"*:5000"}},
			{Line: 3, Name: "<Directory", Args: []string{"/usr/bin"}, Block: "VirtualHost *:5000", Blocks: []string{"VirtualHost *:5000"}},
			{Line: 4, Name: "Require", Args: []string{"all", "granted"}, Block: "Directory /usr/bin", Blocks: []string{"VirtualHost *:5000", "Directory /usr/bin"}},
			{Line: 6, Name: "WSGIScriptAlias", Args: []string{"/", "/usr/bin/keystone-wsgi-public"}, Block: "VirtualHost *:5000", Blocks: []string{"VirtualHost *:5000"}},
		}},
	}
	for _, c := range cases {
		got := Parse(c.style, []byte(c.in))
		for i := range got {
			if len(got[i].Args) == 0 {
				got[i].Args = nil
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// TestHostileLines: no line makes any dialect panic (issue 14: "<>" in an
// httpd file panicked in firstWord), and a nameless tag opens no block.
func TestHostileLines(t *testing.T) {
	lines := []string{
		"<>", "<", ">", "</>", "</", "< >", "<\t>", "<<>>", "<>>", "<<>", "</VirtualHost",
		`"unbalanced`, `'x = "y`, `x = "`, `= x`, "=", "[", "]", "[]", "[ ]", ";", "!", "\x00",
		"<\xff>", "\xef\xbb\xbf", "\r", "\t\r", "\u00a0", "<\u00a0>", "\u2028", "\v",
	}
	for _, style := range []Style{Assign, INI, Words, Indented, Tags, XML} {
		for _, l := range lines {
			for _, doc := range []string{l, l + "\n", " " + l + "\nnext 1\n", "<VirtualHost *:80>\n" + l + "\n</VirtualHost>\n"} {
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Errorf("style %d, %q: panic %v", style, doc, r)
						}
					}()
					Parse(style, []byte(doc))
				}()
			}
		}
	}
	got := Parse(Tags, []byte("<>\nListen 80\n"))
	want := []Directive{{Line: 1, Name: "<>", Args: []string{}}, {Line: 2, Name: "Listen", Args: []string{"80"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestLongLine: a line longer than any buffer does not end the file (a
// bufio.Scanner stopped at 4 MiB and dropped everything after it).
func TestLongLine(t *testing.T) {
	doc := "# " + strings.Repeat("x", 5<<20) + "\r\nnet.ipv4.ip_forward = 1\r\n"
	got := Parse(Assign, []byte(doc))
	want := []Directive{{Line: 2, Name: "net.ipv4.ip_forward", Args: []string{"1"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// BenchmarkXMLZone: a firewalld zone of 100,000 elements (line numbers
// were counted from the start of the file for every element: quadratic).
func BenchmarkXMLZone(b *testing.B) {
	var doc strings.Builder
	doc.WriteString("<zone>\n")
	for i := range 100_000 {
		fmt.Fprintf(&doc, "  <port protocol=\"tcp\" port=\"%d\"/>\n", i)
	}
	doc.WriteString("</zone>\n")
	data := []byte(doc.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if n := len(Parse(XML, data)); n != 100_001 {
			b.Fatalf("%d directives", n)
		}
	}
}

// TestNoName: an assignment without a name ("= 1", found by FuzzParse) is
// no directive.
func TestNoName(t *testing.T) {
	for _, st := range []Style{Assign, INI} {
		got := Parse(st, []byte("=\n = 1\nkernel.panic = 10\n"))
		if len(got) != 1 || got[0].Name != "kernel.panic" || got[0].Line != 3 {
			t.Errorf("style %d: got %+v", st, got)
		}
	}
}

// TestEmptyTag: "<>" and "< >" in httpd files (found by FuzzParse: a
// panic) are plain directives, not blocks.
func TestEmptyTag(t *testing.T) {
	got := Parse(Tags, []byte("<>\n< >\n<VirtualHost *:5000>\nListen 5000\n"))
	want := []Directive{
		{Line: 1, Name: "<>", Args: []string{}},
		{Line: 2, Name: "<", Args: []string{">"}},
		{Line: 3, Name: "<VirtualHost", Args: []string{"*:5000"}},
		{Line: 4, Name: "Listen", Args: []string{"5000"}, Block: "VirtualHost *:5000", Blocks: []string{"VirtualHost *:5000"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestLongLineAssign: a line longer than the old 4 MiB scanner buffer does
// not end the file.
func TestLongLineAssign(t *testing.T) {
	data := "# " + strings.Repeat("x", 5<<20) + "\nnet.ipv4.ip_forward = 1\n"
	if got := Parse(Assign, []byte(data)); len(got) != 1 || got[0].Line != 2 {
		t.Fatalf("got %+v", got)
	}
}
