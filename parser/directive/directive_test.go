package directive

import (
	"reflect"
	"testing"
)

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
			{Line: 3, Name: "<Directory", Args: []string{"/usr/bin"}, Block: "VirtualHost *:5000"},
			{Line: 4, Name: "Require", Args: []string{"all", "granted"}, Block: "Directory /usr/bin"},
			{Line: 6, Name: "WSGIScriptAlias", Args: []string{"/", "/usr/bin/keystone-wsgi-public"}, Block: "VirtualHost *:5000"},
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
