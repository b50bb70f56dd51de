package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// excerptSnapshot writes a node whose files hold a secret in every place
// an excerpt line can show (an option, a URL, a comment, an rc variable, a
// host-file directive) and builds its model.
func excerptSnapshot(t *testing.T) *model.Deployment {
	t.Helper()
	root := t.TempDir()
	for rel, text := range map[string]string{
		"n1/etc/nova/nova.conf": "[DEFAULT]\n# password = CommentSecret1\ntransport_url = rabbit://openstack:UrlSecret2@ctl:5672/\n" +
			"my_ip = 10.0.0.5\n  continued line\n\n[neutron]\npassword = OptionSecret3\n",
		"n1/root/admin-openrc":              "# OS_PASSWORD=CommentSecret6\nexport OS_USERNAME=admin\nexport OS_PASSWORD=RcSecret4\nexport OS_AUTH_URL=http://ctl:5000/v3\n",
		"n1/etc/nova/policy.json":           "{\n    \"a\": \"role:admin\",\n    \"b\":\n      \"rule:a\"\n}\n",
		"n1/etc/hosts":                      "127.0.0.1 localhost\n10.0.0.5 n1 n1.example\n",
		"n1/etc/rabbitmq/rabbitmq.conf":     "default_user = openstack\ndefault_pass = DirSecret5\n",
		"n1/etc/neutron/neutron.conf":       "  [DEFAULT]\npassword = ParseSecret7\n",
		"n1/etc/keystone/fernet-keys/0":     "KeySecret8\n",
		"n1/etc/neutron/metadata_agent.ini": "",
	} {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := snapshot.DiscoverWith(root, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return model.Build(snap)
}

// shownLines writes excerpt lines as "no|kind|key sep text" with a "*"
// on the located one.
func shownLines(lines []excerptLine) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		mark := ""
		if l.At {
			mark = "*"
		}
		out[i] = fmt.Sprintf("%d%s|%s|%s%s%s", l.No, mark, l.Kind, l.Key, l.Sep, l.Text)
	}
	return out
}

// TestExcerptsAsParsed: an excerpt is the parsed file written back,
// the located line marked: INI headers, options (secret values and URL
// passwords as the fingerprints messages use), continuation lines,
// comments as "# …" whatever they hold, empty lines; rc variables;
// policies; /etc/hosts entries; host-file directives. A file that does not
// parse, a key file and line 0 have no excerpt; no secret shows.
func TestExcerptsAsParsed(t *testing.T) {
	d := excerptSnapshot(t)
	e := newExcerpts(d)
	fp := func(s string) string { return d.Keys.Label(s) }
	cases := []struct {
		path    string
		line    int
		context int
		want    []string
	}{
		{"n1/etc/nova/nova.conf", 3, 2, []string{"1|header|[DEFAULT]", "2|comment|# …", "3*|option|transport_url = rabbit://openstack:" + fp("UrlSecret2") + "@ctl:5672/",
			"4|option|my_ip = 10.0.0.5", "5|continued|continued line"}},
		{"n1/etc/nova/nova.conf", 8, 2, []string{"6||", "7|header|[neutron]", "8*|option|password = " + fp("OptionSecret3")}},
		{"n1/etc/nova/nova.conf", 8, 0, []string{"8*|option|password = " + fp("OptionSecret3")}},
		{"n1/root/admin-openrc", 3, 1, []string{"2|entry|export OS_USERNAME=admin", "3*|entry|export OS_PASSWORD=" + fp("RcSecret4"), "4|entry|export OS_AUTH_URL=http://ctl:5000/v3"}},
		{"n1/etc/nova/policy.json", 3, 1, []string{`2|entry|"a": "role:admin"`, `3*|entry|"b":`, `4|continued|"rule:a"`}},
		{"n1/etc/hosts", 2, 2, []string{"1|entry|127.0.0.1 localhost", "2*|entry|10.0.0.5 n1 n1.example"}},
		{"n1/etc/rabbitmq/rabbitmq.conf", 2, 0, []string{"2*|entry|default_pass " + fp("DirSecret5")}},
		{"n1/etc/neutron/neutron.conf", 2, 2, nil},
		{"n1/etc/keystone/fernet-keys/0", 1, 2, nil},
		{"n1/etc/nova/nova.conf", 0, 2, nil},
		{"n1/etc/nova/nova.conf", 20, 2, nil},
		{"n1/etc/nova/absent.conf", 1, 2, nil},
	}
	for _, c := range cases {
		got := shownLines(e.around(c.path, c.line, c.context))
		if !slices.Equal(got, c.want) && len(got)+len(c.want) > 0 {
			t.Errorf("%s:%d:\n got %q\nwant %q", c.path, c.line, got, c.want)
		}
		for _, l := range got {
			if strings.Contains(l, "Secret") {
				t.Errorf("%s:%d shows a secret: %s", c.path, c.line, l)
			}
		}
	}
	if got := newExcerpts(nil).around("n1/etc/nova/nova.conf", 3, 2); got != nil {
		t.Errorf("without a model: %q", shownLines(got))
	}
}

// TestExcerptsEveryLineOfEveryFile: whatever line of whichever file a
// finding names, the excerpt holds no secret planted anywhere in the
// node, comments included.
func TestExcerptsEveryLineOfEveryFile(t *testing.T) {
	d := excerptSnapshot(t)
	e := newExcerpts(d)
	for _, f := range d.Files {
		for line := 1; line <= 12; line++ {
			for _, l := range shownLines(e.around(f.Path, line, 3)) {
				if strings.Contains(l, "Secret") {
					t.Errorf("%s:%d shows a secret: %s", f.Path, line, l)
				}
			}
		}
	}
}
